/**
 * Long texts from a workbook (a 300,000-character project name, a message) shown shortened: laying
 * out a million characters froze the web checker for half a minute (issue 11). Pure, so the web
 * checker and the task pane shorten the same way.
 */

/** Texts longer than this many characters are shown shortened, with a way to see the whole. */
export const SHORTEN_AT = 200;

export interface ShortenedText {
  /** What to show: the first characters, or the whole text when it is short enough. */
  head: string;
  /** Whether the text was cut. */
  shortened: boolean;
  /** Characters in the whole text (an emoji counts once, as a reader counts it). */
  length: number;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Characters (code points) in text; a surrogate pair counts once. */
export function characterCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) count--;
  }
  return count;
}

/** The first `limit` characters of text, or the whole when it has no more; pairs are not split. */
export function shortenText(text: string, limit = SHORTEN_AT): ShortenedText {
  // Cheap exit for short texts: code points never outnumber UTF-16 units.
  if (text.length <= limit) return { head: text, shortened: false, length: characterCount(text) };
  const length = characterCount(text);
  if (length <= limit) return { head: text, shortened: false, length };
  let end = 0;
  for (let taken = 0; taken < limit; taken++) {
    end +=
      isHighSurrogate(text.charCodeAt(end)) && isLowSurrogate(text.charCodeAt(end + 1)) ? 2 : 1;
  }
  return { head: text.slice(0, end), shortened: true, length };
}

/** The shortened text as shown: "开头…（共 1,200,000 字）"; the whole text when not shortened. */
export function shortenedLabel(shortened: ShortenedText): string {
  if (!shortened.shortened) return shortened.head;
  return `${shortened.head}…（共 ${shortened.length.toLocaleString("en-US")} 字）`;
}

/** Parts of a long text's whole are this many UTF-16 units at most. */
export const CHUNK_SIZE = 4000;

/**
 * A long text in parts of at most `size` units, for showing the whole: the page lays out only the
 * parts scrolled into view. A part ends after a line break, else after a space, in its last tenth
 * when there is one, so few lines are broken where the text does not break; a surrogate pair is
 * never split. Joined, the parts are the text.
 */
export function textChunks(text: string, size = CHUNK_SIZE): string[] {
  if (size < 2) throw new RangeError("chunk size must be at least 2");
  const chunks: string[] = [];
  let start = 0;
  while (text.length - start > size) {
    const limit = start + size;
    const from = limit - Math.floor(size / 10);
    let end = breakAfter(text, from, limit, (char) => char === "\n");
    end ??= breakAfter(text, from, limit, (char) => /\s/.test(char));
    end ??= isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
    chunks.push(text.slice(start, end));
    start = end;
  }
  chunks.push(text.slice(start));
  return chunks;
}

/** Just after the last character in text[from, to) that `fits`, or undefined when none does. */
function breakAfter(
  text: string,
  from: number,
  to: number,
  fits: (char: string) => boolean,
): number | undefined {
  for (let i = to - 1; i >= from; i--) if (fits(text[i])) return i + 1;
  return undefined;
}
