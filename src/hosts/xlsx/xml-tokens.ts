// A pull tokenizer for the XML parts the reader needs (workbook, rels, styles, shared strings,
// sheets). It walks the decoded text once with indexOf and charCodeAt, allocating only the tag
// names and the text asked for: a full XML parser (saxes) builds an object per attribute and
// event and costs several times the walk itself (README, 性能). No Node-only API (the web checker
// bundles it). Entities are the five predefined ones and character references; a DOCTYPE is
// skipped whole, so declared entities are never expanded (no "billion laughs").

export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export const END = 0;
export type Token = typeof OPEN | typeof CLOSE | typeof TEXT | typeof END;

/** Malformed markup; the reader reports the file as damaged. */
export class XmlSyntaxError extends Error {}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const COLON = 58;
const EQUALS = 61;

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

export class XmlTokens {
  /** Local name of the current tag (prefix dropped: "x:row" → "row"). */
  name = "";
  /** Offsets of the current start tag, "<" to just after ">". */
  tagStart = 0;
  tagEnd = 0;
  selfClosing = false;
  /** The current text run [textStart, textEnd), raw; cdata when it came from <![CDATA[…]]>. */
  textStart = 0;
  textEnd = 0;
  cdata = false;
  private pos: number;
  /** An empty element is reported as OPEN then CLOSE. */
  private pendingClose = false;

  constructor(
    readonly xml: string,
    from = 0,
    private readonly to = xml.length,
  ) {
    this.pos = from;
  }

  next(): Token {
    if (this.pendingClose) {
      this.pendingClose = false;
      return CLOSE;
    }
    const xml = this.xml;
    for (;;) {
      const pos = this.pos;
      if (pos >= this.to) return END;
      if (xml.charCodeAt(pos) !== LT) {
        let lt = xml.indexOf("<", pos);
        if (lt < 0 || lt > this.to) lt = this.to;
        this.pos = lt;
        this.textStart = pos;
        this.textEnd = lt;
        this.cdata = false;
        return TEXT;
      }
      const c1 = xml.charCodeAt(pos + 1);
      if (c1 === 33 /* ! */) {
        if (xml.startsWith("<!--", pos)) {
          this.pos = this.after("-->", pos + 4);
          continue;
        }
        if (xml.startsWith("<![CDATA[", pos)) {
          const end = xml.indexOf("]]>", pos + 9);
          if (end < 0) throw new XmlSyntaxError("unterminated CDATA");
          this.pos = end + 3;
          this.textStart = pos + 9;
          this.textEnd = end;
          this.cdata = true;
          return TEXT;
        }
        this.pos = this.skipDeclaration(pos);
        continue;
      }
      if (c1 === 63 /* ? */) {
        this.pos = this.after("?>", pos + 2);
        continue;
      }
      const closing = c1 === SLASH;
      const nameStart = closing ? pos + 2 : pos + 1;
      let i = nameStart;
      let localStart = nameStart;
      for (;;) {
        const code = xml.charCodeAt(i);
        if (Number.isNaN(code) || code === LT) throw new XmlSyntaxError("unterminated tag");
        if (code === GT || code === SLASH || isSpace(code)) break;
        if (code === COLON) localStart = i + 1;
        i++;
      }
      if (i === nameStart) throw new XmlSyntaxError("tag without a name");
      this.name = localName(xml, localStart, i);
      const end = closing ? this.tagClose(i) : this.startTagEnd(pos, i);
      this.tagStart = pos;
      this.tagEnd = end;
      this.pos = end;
      if (closing) return CLOSE;
      this.selfClosing = xml.charCodeAt(end - 2) === SLASH;
      if (this.selfClosing) this.pendingClose = true;
      return OPEN;
    }
  }

  /**
   * As tagClose for the start tag at `pos` whose attributes start at `from`, reading its
   * attributes on the way when they are well formed (name="value" pairs, then ">" or "/>"), so
   * attr() need not scan the tag a second time. Anything else is left to tagClose and a lazy
   * scanAttributes, which give the same end and attributes.
   */
  private startTagEnd(pos: number, from: number): number {
    const xml = this.xml;
    let count = 0;
    let i = from;
    for (;;) {
      let code = xml.charCodeAt(i);
      while (isSpace(code)) code = xml.charCodeAt(++i);
      if (code === GT || (code === SLASH && xml.charCodeAt(i + 1) === GT)) {
        this.attrCount = count;
        this.scanned = pos;
        return code === GT ? i + 1 : i + 2;
      }
      const nameStart = i;
      let localStart = i;
      while (code !== EQUALS && code !== GT && code !== SLASH && !isSpace(code)) {
        // A quote or "<" in a name, or the end of the text: tagClose decides.
        if (code === QUOTE || code === APOS || code === LT || Number.isNaN(code)) {
          return this.irregularTag(from);
        }
        if (code === COLON) localStart = i + 1;
        code = xml.charCodeAt(++i);
      }
      if (i === nameStart) return this.irregularTag(from);
      const nameEnd = i;
      while (isSpace(code)) code = xml.charCodeAt(++i);
      if (code !== EQUALS) return this.irregularTag(from);
      code = xml.charCodeAt(++i);
      while (isSpace(code)) code = xml.charCodeAt(++i);
      if (code !== QUOTE && code !== APOS) return this.irregularTag(from);
      const close = xml.indexOf(code === QUOTE ? '"' : "'", i + 1);
      if (close < 0) return this.irregularTag(from);
      this.noteAttribute(count, nameStart, localStart, nameEnd, i + 1, close);
      count++;
      i = close + 1;
    }
  }

  private irregularTag(from: number): number {
    this.scanned = -1;
    return this.tagClose(from);
  }

  /** Offset just after the ">" that ends the tag whose attributes start at `from`. */
  private tagClose(from: number): number {
    const xml = this.xml;
    for (let i = from; ; i++) {
      const code = xml.charCodeAt(i);
      if (code === GT) return i + 1;
      if (code === LT) throw new XmlSyntaxError("unterminated tag");
      if (code === QUOTE || code === APOS) {
        const close = xml.indexOf(code === QUOTE ? '"' : "'", i + 1);
        if (close < 0) throw new XmlSyntaxError("unterminated attribute");
        i = close;
      } else if (Number.isNaN(code)) {
        throw new XmlSyntaxError("unterminated tag");
      }
    }
  }

  private after(marker: string, from: number): number {
    const at = this.xml.indexOf(marker, from);
    if (at < 0) throw new XmlSyntaxError(`missing ${marker}`);
    return at + marker.length;
  }

  /** <!DOCTYPE …> with an internal subset in [ ]: skipped whole, nothing in it is used. */
  private skipDeclaration(pos: number): number {
    const xml = this.xml;
    let depth = 0;
    for (let i = pos + 2; i < xml.length; i++) {
      const code = xml.charCodeAt(i);
      if (code === 91 /* [ */) depth++;
      else if (code === 93 /* ] */) depth--;
      else if (code === GT && depth <= 0) return i + 1;
    }
    throw new XmlSyntaxError("unterminated declaration");
  }

  /** Offsets of the current tag's attributes (name, local name, value), scanned once per tag. */
  private scanned = -1;
  private attrCount = 0;
  private readonly offsets: number[] = [];

  private scanAttributes(): void {
    const xml = this.xml;
    const end = this.tagEnd;
    let count = 0;
    let i = this.tagStart + 1;
    // Skip the element name.
    while (i < end && !isSpace(xml.charCodeAt(i)) && xml.charCodeAt(i) !== GT) i++;
    while (i < end) {
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      const nameStart = i;
      let localStart = i;
      while (i < end) {
        const code = xml.charCodeAt(i);
        if (code === EQUALS || isSpace(code) || code === GT || code === SLASH) break;
        if (code === COLON) localStart = i + 1;
        i++;
      }
      if (i === nameStart) break;
      const nameEnd = i;
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== EQUALS) break;
      i++;
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== QUOTE && quote !== APOS) break;
      const close = xml.indexOf(quote === QUOTE ? '"' : "'", i + 1);
      if (close < 0 || close >= end) break;
      this.noteAttribute(count, nameStart, localStart, nameEnd, i + 1, close);
      count++;
      i = close + 1;
    }
    this.attrCount = count;
    this.scanned = this.tagStart;
  }

  /** Notes attribute number `index` of the current tag: where its name, local name and value lie. */
  private noteAttribute(
    index: number,
    nameStart: number,
    localStart: number,
    nameEnd: number,
    valueStart: number,
    valueEnd: number,
  ): void {
    const at = index * 5;
    const offsets = this.offsets;
    offsets[at] = nameStart;
    offsets[at + 1] = localStart;
    offsets[at + 2] = nameEnd;
    offsets[at + 3] = valueStart;
    offsets[at + 4] = valueEnd;
  }

  /**
   * The decoded value of attribute `name` on the current start tag. `name` is matched on the
   * whole name as written ("id" does not match "r:id"); with anyPrefix, on the local part of a
   * prefixed name (the relationship prefix is not always "r:").
   */
  attr(name: string, anyPrefix = false): string | undefined {
    const k = this.attrIndex(name, anyPrefix);
    return k < 0 ? undefined : this.attrValue(k);
  }

  /**
   * Which attribute of the current start tag is `name` (matched as attr() matches it), or -1.
   * With valueStart / valueEnd, a caller reads a value in place without a string for it (a cell's
   * r="" and s="" on every cell of a sheet).
   */
  attrIndex(name: string, anyPrefix = false): number {
    if (this.scanned !== this.tagStart) this.scanAttributes();
    const xml = this.xml;
    const offsets = this.offsets;
    const length = name.length;
    for (let k = 0; k < this.attrCount; k++) {
      const at = k * 5;
      const nameStart = offsets[at];
      const localStart = offsets[at + 1];
      const from = anyPrefix ? localStart : nameStart;
      if (anyPrefix && localStart === nameStart) continue;
      if (offsets[at + 2] - from !== length) continue;
      // Names are short: compare code by code rather than through startsWith.
      let same = true;
      for (let j = 0; j < length; j++) {
        if (xml.charCodeAt(from + j) !== name.charCodeAt(j)) {
          same = false;
          break;
        }
      }
      if (same) return k;
    }
    return -1;
  }

  /** Offset of the first character of attribute k's value, as written (entities not decoded). */
  valueStart(k: number): number {
    return this.offsets[k * 5 + 3];
  }

  /** Offset just after attribute k's value (its closing quote). */
  valueEnd(k: number): number {
    return this.offsets[k * 5 + 4];
  }

  /** Attribute k's value, entities decoded. */
  attrValue(k: number): string {
    return decodeEntities(this.xml.slice(this.offsets[k * 5 + 3], this.offsets[k * 5 + 4]));
  }

  /** The current text run, entities decoded (CDATA as it is). */
  text(): string {
    const raw = this.xml.slice(this.textStart, this.textEnd);
    return this.cdata ? raw : decodeEntities(raw);
  }

  /**
   * When the element just opened holds nothing but text up to its end tag (<v>12.5</v>, the
   * most common case): sets textStart / textEnd to that text as written (entities not decoded),
   * moves past the end tag and returns true, without a token per step. Otherwise (markup, CDATA,
   * a comment inside, or an empty element) returns false and the tokenizer has not moved.
   */
  plainContent(): boolean {
    if (this.selfClosing) return false;
    const xml = this.xml;
    const lt = xml.indexOf("<", this.pos);
    if (lt < 0 || lt >= this.to || xml.charCodeAt(lt + 1) !== SLASH) return false;
    this.textStart = this.pos;
    this.textEnd = lt;
    this.cdata = false;
    this.pos = lt;
    this.next(); // the end tag
    return true;
  }

  /**
   * The text content of the element just opened, up to its end tag, entities decoded; nested
   * elements' text is included. Leaves the tokenizer after the end tag.
   */
  elementText(): string {
    if (this.selfClosing) {
      this.next(); // its CLOSE
      return "";
    }
    if (this.plainContent()) {
      return this.textEnd > this.textStart
        ? decodeEntities(this.xml.slice(this.textStart, this.textEnd))
        : "";
    }
    let depth = 1;
    let out = "";
    for (;;) {
      const token = this.next();
      if (token === TEXT) out += this.text();
      else if (token === OPEN) depth++;
      else if (token === CLOSE) {
        if (--depth === 0) return out;
      } else {
        throw new XmlSyntaxError("element not closed");
      }
    }
  }
}

/**
 * xml.slice(start, end), except that the element names met on every row and cell of a sheet and
 * every shared string come back as one shared string each instead of a new one per tag.
 */
function localName(xml: string, start: number, end: number): string {
  const first = xml.charCodeAt(start);
  switch (end - start) {
    case 1:
      if (first === 99) return "c";
      if (first === 118) return "v";
      if (first === 102) return "f";
      if (first === 116) return "t";
      if (first === 114) return "r";
      break;
    case 2:
      if (first === 115 && xml.charCodeAt(start + 1) === 105) return "si";
      if (first === 105 && xml.charCodeAt(start + 1) === 115) return "is";
      break;
    case 3:
      if (first === 114 && xml.charCodeAt(start + 1) === 111 && xml.charCodeAt(start + 2) === 119)
        return "row";
      break;
  }
  return xml.slice(start, end);
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes &lt; &gt; &amp; &quot; &apos; and &#…; / &#x…; (an unknown entity is kept as text). */
export function decodeEntities(raw: string): string {
  let amp = raw.indexOf("&");
  if (amp < 0) return raw;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12) break;
    const body = raw.slice(amp + 1, semi);
    let decoded: string | undefined;
    if (body.charCodeAt(0) === 35 /* # */) {
      const code =
        body[1] === "x" || body[1] === "X"
          ? parseInt(body.slice(2), 16)
          : parseInt(body.slice(1), 10);
      if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff) {
        decoded = String.fromCodePoint(code);
      }
    } else {
      decoded = NAMED[body];
    }
    if (decoded !== undefined) {
      out += raw.slice(from, amp) + decoded;
      from = semi + 1;
    }
    amp = raw.indexOf("&", decoded !== undefined ? semi + 1 : amp + 1);
  }
  return out + raw.slice(from);
}

/**
 * OOXML's escape for characters XML cannot hold: "_x000D_" is a carriage return, "_x005F_" an
 * underscore (so a literal "_x0041_" is written "_x005F_x0041_"). Applied to cell text as Excel
 * and exceljs do.
 */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}
