// The shared strings part: every <si> as the text a cell shows. Rich text runs are joined;
// phonetic guides (<rPh>, furigana) are not shown in the cell, so they are left out.
import { CLOSE, END, OPEN, TEXT, XmlTokens, decodeOoxmlEscapes } from "./xml-tokens";

export function readSharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  const tokens = new XmlTokens(xml);
  for (let token = tokens.next(); token !== END; token = tokens.next()) {
    if (token === OPEN && tokens.name === "si") strings.push(readStringItem(tokens));
  }
  return strings;
}

/**
 * The text of a string item (<si>, or <is> of an inline string) just opened: the <t> elements
 * outside <rPh>, joined. Leaves the tokenizer after the item's end tag.
 */
export function readStringItem(tokens: XmlTokens): string {
  if (tokens.selfClosing) {
    tokens.next();
    return "";
  }
  let depth = 1;
  let phonetic = 0;
  let inText = 0;
  let text = "";
  for (;;) {
    const token = tokens.next();
    if (token === OPEN) {
      depth++;
      if (tokens.name === "rPh") phonetic++;
      else if (tokens.name === "t") inText++;
    } else if (token === CLOSE) {
      if (--depth === 0) return decodeOoxmlEscapes(text);
      if (tokens.name === "rPh") phonetic--;
      else if (tokens.name === "t") inText--;
    } else if (token === TEXT) {
      if (inText > 0 && phonetic === 0) text += tokens.text();
    } else {
      return decodeOoxmlEscapes(text); // truncated part: what was read
    }
  }
}
