// A small scanner for the XML parts of an .xlsx package. The annotator edits parts in place (one
// attribute, one inserted element) so that everything it does not touch stays byte for byte as
// the input had it; a parse-and-serialise round trip would rewrite (and drop) what it does not know.

/** One element found in a part: where its start tag, content and end are. */
export interface XmlElement {
  /** Qualified name as written, e.g. "row" or "x:row". */
  readonly name: string;
  /** Name without its namespace prefix. */
  readonly local: string;
  /** Offset of "<" of the start tag. */
  readonly start: number;
  /** Offset just after the start tag's ">". */
  readonly openEnd: number;
  /** Offset of "<" of the end tag (= openEnd for an empty element). */
  readonly closeStart: number;
  /** Offset just after the element (end tag or "/>"). */
  readonly end: number;
  readonly selfClosing: boolean;
}

interface Tag {
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

// Comments, CDATA, processing instructions and DOCTYPE are skipped whole; attribute values are
// matched quoted, so a ">" inside one never ends a tag.
const ATTRIBUTES = `((?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(\\/?)>`;
const TAG = new RegExp(
  `<(?:!--[\\s\\S]*?-->|!\\[CDATA\\[[\\s\\S]*?\\]\\]>|\\?[\\s\\S]*?\\?>|![A-Za-z][^>]*>|(\\/?)([A-Za-z_][\\w.-]*(?::[A-Za-z_][\\w.-]*)?)${ATTRIBUTES})`,
  "g",
);

export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

export class XmlStructureError extends Error {}

/**
 * The direct children of the element whose content spans [from, to) (the whole document when the
 * range covers it). Each child is jumped over to its end tag, so a sheet's cells are not visited
 * when only its top-level elements are wanted.
 */
export function childElements(xml: string, from = 0, to = xml.length): XmlElement[] {
  const children: XmlElement[] = [];
  // A regex of its own per scan: a shared lastIndex would break a scan nested in another.
  const scan = new RegExp(TAG.source, "g");
  scan.lastIndex = from;
  for (;;) {
    const match = scan.exec(xml);
    if (!match || match.index >= to) return children;
    if (!match[2]) continue;
    const tag: Tag = { start: match.index, end: match.index + match[0].length, name: match[2] };
    if (match[1] === "/") throw new XmlStructureError(`unbalanced </${tag.name}> at ${tag.start}`);
    if (match[4] === "/") {
      children.push(element(tag, tag.end, tag.end, true));
      continue;
    }
    const close = matchingEnd(xml, tag, to);
    children.push(element(tag, close.start, close.end, false));
    scan.lastIndex = close.end;
  }
}

/**
 * Where an element ends. Only tags of its own name are counted: in well-formed XML no other
 * markup can hide one ("<" in text and attribute values is escaped); comments are not expected
 * inside the parts we edit.
 */
function matchingEnd(xml: string, tag: Tag, to: number): { start: number; end: number } {
  const name = tag.name.replace(/[.]/g, "\\.");
  const same = new RegExp(`<(\\/?)${name}${ATTRIBUTES}`, "g");
  same.lastIndex = tag.end;
  let depth = 1;
  for (;;) {
    const match = same.exec(xml);
    if (!match || match.index >= to) throw new XmlStructureError(`<${tag.name}> is never closed`);
    if (match[1] === "/") {
      depth--;
      if (depth === 0) return { start: match.index, end: match.index + match[0].length };
    } else if (match[3] !== "/") {
      depth++;
    }
  }
}

function element(tag: Tag, closeStart: number, end: number, selfClosing: boolean): XmlElement {
  return {
    name: tag.name,
    local: localName(tag.name),
    start: tag.start,
    openEnd: tag.end,
    closeStart,
    end,
    selfClosing,
  };
}

/** The document's root element. */
export function rootElement(xml: string): XmlElement {
  const root = childElements(xml)[0];
  if (!root) throw new XmlStructureError("no root element");
  return root;
}

export function children(xml: string, parent: XmlElement): XmlElement[] {
  return parent.selfClosing ? [] : childElements(xml, parent.openEnd, parent.closeStart);
}

export function firstChild(xml: string, parent: XmlElement, local: string): XmlElement | undefined {
  return children(xml, parent).find((child) => child.local === local);
}

/** The prefix ("" or "x:") an element's name carries, to write siblings the same way. */
export function prefixOf(el: XmlElement): string {
  return el.name.slice(0, el.name.length - el.local.length);
}

export function startTag(xml: string, el: XmlElement): string {
  return xml.slice(el.start, el.openEnd);
}

const ATTRIBUTE = /\s+([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** An attribute of a start tag, unescaped; undefined when absent. */
export function attr(tag: string, name: string): string | undefined {
  for (const match of tag.matchAll(ATTRIBUTE)) {
    if (match[1] === name) return unescapeXml(match[3] ?? match[4] ?? "");
  }
  return undefined;
}

/** The start tag with the attribute set (replaced where it was, else added at the end). */
export function withAttr(tag: string, name: string, value: string): string {
  const written = ` ${name}="${escapeXml(value)}"`;
  for (const match of tag.matchAll(ATTRIBUTE)) {
    if (match[1] === name) {
      const at = match.index;
      return tag.slice(0, at) + written + tag.slice(at + match[0].length);
    }
  }
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return tag.slice(0, close).replace(/\s+$/, "") + written + tag.slice(close);
}

export function withoutAttr(tag: string, name: string): string {
  for (const match of tag.matchAll(ATTRIBUTE)) {
    if (match[1] === name)
      return tag.slice(0, match.index) + tag.slice(match.index + match[0].length);
  }
  return tag;
}

/** The prefix bound to a namespace URI on an element's start tag ("" for the default namespace). */
export function prefixFor(tag: string, namespaces: readonly string[]): string | undefined {
  for (const match of tag.matchAll(ATTRIBUTE)) {
    const value = match[3] ?? match[4];
    if (!namespaces.includes(value)) continue;
    if (match[1] === "xmlns") return "";
    if (match[1].startsWith("xmlns:")) return `${match[1].slice(6)}:`;
  }
  return undefined;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    switch (entity) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
    }
    const code = entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/**
 * Text for a spreadsheet string (ST_Xstring), escaped for XML. Characters XML 1.0 cannot carry
 * (controls, lone surrogates) are written as Excel writes them, `_xHHHH_`, and a literal `_xHHHH_`
 * in the text is protected as `_x005F_xHHHH_` so it reads back unchanged.
 */
export function xstring(text: string): string {
  const protectedText = text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
  const safe = protectedText.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
  return escapeXml(safe);
}

export interface XmlEdit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

/**
 * Applies non-overlapping edits, all given as offsets into the original text. At one offset, pure
 * insertions go first (in the order given), then a replacement starting there.
 */
export function applyEdits(xml: string, edits: readonly XmlEdit[]): string {
  const sorted = [...edits].sort(
    (a, b) => a.at - b.at || Math.sign(a.remove) - Math.sign(b.remove),
  );
  let out = "";
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.at < cursor) throw new Error("overlapping XML edits");
    out += xml.slice(cursor, edit.at) + edit.insert;
    cursor = edit.at + edit.remove;
  }
  return out + xml.slice(cursor);
}

/** Replaces one element's start tag. */
export function replaceStartTag(el: XmlElement, tag: string): XmlEdit {
  return { at: el.start, remove: el.openEnd - el.start, insert: tag };
}

/**
 * Edits that put `inner` at the end of an element's content (an empty element, `<x/>`, is opened
 * first) and, when the start tag carries a count="" (styles.xml's lists do), set it to `count`.
 */
export function appendChildren(
  xml: string,
  el: XmlElement,
  inner: string,
  count?: number,
): XmlEdit[] {
  let tag = startTag(xml, el);
  if (count !== undefined && attr(tag, "count") !== undefined) {
    tag = withAttr(tag, "count", String(count));
  }
  if (el.selfClosing) {
    const open = `${tag.slice(0, -2).replace(/\s+$/, "")}>`;
    return [{ at: el.start, remove: el.end - el.start, insert: `${open}${inner}</${el.name}>` }];
  }
  const edits: XmlEdit[] = [{ at: el.closeStart, remove: 0, insert: inner }];
  if (tag !== startTag(xml, el)) edits.push(replaceStartTag(el, tag));
  return edits;
}
