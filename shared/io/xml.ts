import { DEFAULT_LIMITS, limitExceeded, type LimitExceeded, type Limits } from '../limits';

/**
 * A small XML reader for KML (shared/ has no DOMParser). Elements, attributes, text, CDATA and
 * the five predefined and numeric entities; namespace prefixes are dropped from names
 * ("kml:Placemark" → "Placemark") since KML files mix prefixed and plain forms.
 *
 * Input is hostile (DESIGN.md §4): the reader is one forward scan with an explicit element stack
 * capped at the `nesting-depth` limit, every construct that opens (comment, CDATA, processing
 * instruction, tag) must close or the document is refused at once (never rescanned, so the time
 * is linear), and a character reference to no XML character is refused, not thrown.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export type XmlResult = { ok: true; root: XmlElement } | { ok: false; detail: string; limit?: LimitExceeded };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML 1.0 §2.2 Char: the code points a character reference may name. */
function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

class XmlSyntaxError extends Error {}

/** Replaces entity and character references; throws XmlSyntaxError for a reference to no XML character (&#0;, a surrogate, &#x110000;). */
function replaceReferences(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? m;
    const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    if (!isXmlChar(cp)) throw new XmlSyntaxError(`the character reference ${m.length > 20 ? `${m.slice(0, 17)}...;` : m} names no XML character`);
    return String.fromCodePoint(cp);
  });
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

const localName = (n: string): string => n.slice(n.indexOf(':') + 1);

/** A start or end tag from '<' at `start`: name, attribute text, self-closing; undefined when malformed. */
const TAG = /<(\/?)([^\s/>!?<]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;

/** Constructs that open with a marker and must close with another, skipped as a whole. */
const SKIPPED: readonly { open: string; close: string; what: string; keepText?: boolean }[] = [
  { open: '<![CDATA[', close: ']]>', what: 'CDATA section', keepText: true },
  { open: '<!--', close: '-->', what: 'comment' },
  { open: '<?', close: '?>', what: 'processing instruction' },
  { open: '<!DOCTYPE', close: '>', what: 'DOCTYPE' },
];

export function parseXml(text: string, limits: Limits = DEFAULT_LIMITS): XmlResult {
  const maxDepth = limits['nesting-depth'];
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let pos = 0;
  try {
    scan: while (pos < text.length) {
      const top = stack[stack.length - 1];
      const lt = text.indexOf('<', pos);
      if (lt !== pos) {
        const end = lt < 0 ? text.length : lt;
        top.text += replaceReferences(text.slice(pos, end));
        pos = end;
        continue;
      }
      for (const s of SKIPPED) {
        if (!text.startsWith(s.open, pos)) continue;
        const close = text.indexOf(s.close, pos + s.open.length);
        if (close < 0) return { ok: false, detail: `the ${s.what} at character ${pos} is not closed` };
        if (s.keepText) top.text += text.slice(pos + s.open.length, close);
        pos = close + s.close.length;
        continue scan;
      }
      TAG.lastIndex = pos;
      const m = TAG.exec(text);
      if (!m) return { ok: false, detail: `malformed XML near character ${pos}` };
      pos = TAG.lastIndex;
      const [, closing, rawName, attributeText, selfClosing] = m;
      const name = localName(rawName);
      if (closing) {
        if (stack.length === 1 || top.name !== name || attributeText || selfClosing) return { ok: false, detail: `unexpected closing tag </${rawName}>` };
        stack.pop();
        continue;
      }
      const attributes: Record<string, string> = {};
      for (const a of attributeText.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes[localName(a[1])] = replaceReferences(a[2] ?? a[3] ?? '');
      const el: XmlElement = { name, attributes, children: [], text: '' };
      top.children.push(el);
      if (!selfClosing) {
        // The document node is not a level: depth counts elements, as a reader sees them.
        if (stack.length > maxDepth) {
          const exceeded = limitExceeded('nesting-depth', maxDepth, stack.length);
          return { ok: false, detail: `elements are nested more than ${maxDepth} deep`, limit: exceeded };
        }
        stack.push(el);
      }
    }
  } catch (error) {
    if (error instanceof XmlSyntaxError) return { ok: false, detail: error.message };
    throw error;
  }
  if (stack.length > 1) return { ok: false, detail: `element <${stack[stack.length - 1].name}> is not closed` };
  return { ok: true, root };
}

export const child = (el: XmlElement, name: string): XmlElement | undefined => el.children.find((c) => c.name === name);
export const childrenNamed = (el: XmlElement, name: string): XmlElement[] => el.children.filter((c) => c.name === name);
