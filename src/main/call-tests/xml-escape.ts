/**
 * Escaping for the JUnit report. Beyond the five special characters, XML 1.0 forbids most
 * control characters outright (not even `&#1;` is allowed), and a webhook reply or a prompt can
 * carry them; they are written as visible `\uXXXX` text so the report stays well-formed and the
 * character is still identifiable.
 */

/** Code points XML 1.0 does not allow anywhere (lone surrogates included, via the `u` flag). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function visible(char: string): string {
  return `\\u${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Escapes text content. `\r` is kept as a reference because parsers would turn it into `\n`. */
export function escapeXmlText(text: string): string {
  return text
    .replace(NOT_XML_CHAR, visible)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

/**
 * Escapes an attribute value (for double quotes). Tabs and line breaks become references too,
 * because attribute-value normalisation would otherwise turn them into spaces.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
