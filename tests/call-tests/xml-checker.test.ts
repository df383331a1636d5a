import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findAll, parseXml } from './xml-well-formed.ts';

// The JUnit tests trust this checker, so it must itself refuse what real parsers refuse.
describe('the XML well-formedness checker used by the JUnit tests', () => {
  test('accepts a well-formed document and decodes entities', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<a x="1 &amp; &#10;2"><b y=\'&lt;q&gt;\'/><b>t &quot;&apos;&#x41;</b><!-- c --></a>\n',
    );
    assert.equal(root.attributes['x'], '1 & \n2');
    const bs = findAll(root, 'b');
    assert.equal(bs.length, 2);
    assert.equal(bs[0]!.attributes['y'], '<q>');
    assert.equal(bs[1]!.text, 't "\'A');
  });

  const broken: [string, string][] = [
    ['<a><b></a></b>', 'crossed tags'],
    ['<a><b></b>', 'unclosed'],
    ['<a x=1></a>', 'unquoted attribute'],
    ['<a x="1" x="2"></a>', 'duplicate attribute'],
    ['<a x="<"></a>', '< in attribute'],
    ['<a>&nbsp;</a>', 'unknown entity'],
    ['<a>& b</a>', 'bare ampersand'],
    ['<a>&#1;</a>', 'reference to a forbidden character'],
    ['<a>\u0001</a>', 'raw control character'],
    ['<a>]]></a>', ']]> in text'],
    ['<a></a><b></b>', 'two roots'],
    ['<a x="1"y="2"></a>', 'attributes not separated'],
    ['text<a></a>', 'text outside the root'],
  ];
  for (const [xml, why] of broken) {
    test(`rejects ${why}`, () => assert.throws(() => parseXml(xml)));
  }
});
