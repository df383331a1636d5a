/**
 * A small, strict XML 1.0 well-formedness checker for the JUnit report (no XML parser is a
 * dependency, and installing one for a test is not worth it). It rejects what real parsers
 * reject in practice: unbalanced or crossed tags, unquoted or duplicate attributes, `<` in an
 * attribute, unknown or malformed entities, references to characters XML forbids, raw
 * characters XML forbids, `]]>` in text, content outside the single root element. It returns
 * the element tree with entities decoded, so tests can query the report.
 */

/** An element of the parsed document. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), entities decoded. */
  text: string;
}

const NAME = /^[A-Za-z_:][A-Za-z0-9._:-]*$/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Decodes entity and character references, throwing on anything XML 1.0 does not allow. */
function decode(raw: string, where: string): string {
  if (raw.includes(']]>') && where === 'text') throw new Error('"]]>" in text');
  return raw.replace(/&([^;]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) throw new Error(`unterminated reference "${match}" in ${where}`);
    if (body in PREDEFINED) return PREDEFINED[body] as string;
    const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
    if (!numeric) throw new Error(`unknown entity "&${body};" in ${where}`);
    const code =
      numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2] as string, 10);
    if (!isXmlChar(code)) throw new Error(`reference to a character XML forbids: &${body};`);
    return String.fromCodePoint(code);
  });
}

/** Parses `text`; throws an Error saying what is wrong and where when it is not well-formed. */
export function parseXml(text: string): XmlElement {
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (!isXmlChar(code) || (code >= 0xd800 && code <= 0xdfff)) {
      throw new Error(`character U+${code.toString(16).toUpperCase()} is not allowed in XML`);
    }
  }
  let i = 0;
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end === -1) throw new Error('unterminated XML declaration');
    if (
      !/^<\?xml\s+version="1\.[0-9]"(\s+encoding="[A-Za-z0-9._-]+")?\s*\?>$/.test(
        text.slice(0, end + 2),
      )
    ) {
      throw new Error('malformed XML declaration');
    }
    i = end + 2;
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const at = (): string => `at offset ${i}`;

  while (i < text.length) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1 || text.slice(i + 4, end).includes('--'))
        throw new Error(`bad comment ${at()}`);
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) throw new Error(`CDATA outside the root element ${at()}`);
      const end = text.indexOf(']]>', i);
      if (end === -1) throw new Error(`unterminated CDATA ${at()}`);
      (stack.at(-1) as XmlElement).text += text.slice(i + 9, end);
      i = end + 3;
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i);
      if (end === -1) throw new Error(`unterminated processing instruction ${at()}`);
      i = end + 2;
    } else if (text.startsWith('</', i)) {
      const end = text.indexOf('>', i);
      if (end === -1) throw new Error(`unterminated end tag ${at()}`);
      const name = text.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) {
        throw new Error(`end tag </${name}> does not close <${open?.name ?? '(nothing)'}> ${at()}`);
      }
      i = end + 1;
    } else if (text[i] === '<') {
      const match = /^<([^\s/>]+)/.exec(text.slice(i));
      if (!match || !NAME.test(match[1] as string)) throw new Error(`bad tag name ${at()}`);
      const element: XmlElement = {
        name: match[1] as string,
        attributes: {},
        children: [],
        text: '',
      };
      let j = i + match[0].length;
      for (;;) {
        const space = /^\s*/.exec(text.slice(j))?.[0].length ?? 0;
        j += space;
        if (text.startsWith('/>', j) || text[j] === '>') break;
        if (space === 0) throw new Error(`attributes must be separated by white space ${at()}`);
        const attr = /^([^\s=/>]+)\s*=\s*(["'])/.exec(text.slice(j));
        if (!attr || !NAME.test(attr[1] as string))
          throw new Error(`bad attribute in <${element.name}> ${at()}`);
        const quote = attr[2] as string;
        const start = j + attr[0].length;
        const end = text.indexOf(quote, start);
        if (end === -1) throw new Error(`unterminated attribute value ${at()}`);
        const raw = text.slice(start, end);
        if (raw.includes('<')) throw new Error(`"<" in an attribute value ${at()}`);
        if ((attr[1] as string) in element.attributes)
          throw new Error(`duplicate attribute ${attr[1]} ${at()}`);
        element.attributes[attr[1] as string] = decode(raw, 'an attribute');
        j = end + 1;
      }
      const selfClosing = text.startsWith('/>', j);
      i = j + (selfClosing ? 2 : 1);
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else if (root) throw new Error(`a second root element <${element.name}> ${at()}`);
      else root = element;
      if (!selfClosing) stack.push(element);
    } else {
      const end = text.indexOf('<', i);
      const raw = text.slice(i, end === -1 ? text.length : end);
      const parent = stack.at(-1);
      if (parent) parent.text += decode(raw, 'text');
      else if (raw.trim() !== '') throw new Error(`text outside the root element ${at()}`);
      i = end === -1 ? text.length : end;
    }
  }
  if (stack.length > 0) throw new Error(`<${(stack.at(-1) as XmlElement).name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every descendant element named `name`, in document order. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [
    ...(child.name === name ? [child] : []),
    ...findAll(child, name),
  ]);
}
