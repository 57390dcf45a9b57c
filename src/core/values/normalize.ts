/**
 * Text clean-up shared by the value parsers: people type full-width digits and punctuation, stray
 * spaces and line breaks inside numbers (PDF and WPS copy/paste), and comparators in several scripts.
 */
import { memoByText } from "../memo";

/** Full-width ASCII block (！ … ～) and the ideographic space, mapped to their ASCII forms. */
function toHalfWidth(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += text[i];
  }
  return out;
}

const NON_ASCII = /[^\u0000-\u007f]/u; // eslint-disable-line no-control-regex -- the range starts at NUL on purpose
const SPACE_IN_NUMBER = /(\d)\s+(?=[\d.,])|([.,])\s+(?=\d)/g;
const ANY_SPACE = /[\s\u00a0\u200b\ufeff]+/g;

/**
 * Canonical text for matching: half-width, comparators as ≥ ≤ > < =, range tildes as "~", no white
 * space at all (digits split by spaces or line breaks are joined first, so "12.142 988" → "12.142988").
 */
export function compactText(raw: string): string {
  return compactKnown(raw);
}

/** The same labels and values recur on every form of a workbook: remember short texts. */
const compactKnown = memoByText((raw: string) => compactUncached(raw), {
  maxLength: 200,
  limit: 20_000,
});

function compactUncached(raw: string): string {
  let text = NON_ASCII.test(raw) ? toHalfWidth(raw) : raw;
  text = text
    .replace(/[≧⩾]/g, "≥")
    .replace(/[≦⩽]/g, "≤")
    // Small form variants (﹦﹤﹥, used by some provincial forms) are not in the full-width block.
    .replace(/﹦/g, "=")
    .replace(/﹤/g, "<")
    .replace(/﹥/g, ">")
    .replace(/[〜∼]/g, "~")
    .replace(/[‐‑−]/g, "-")
    .replace(/【/g, "(")
    .replace(/】/g, ")");
  text = text.replace(SPACE_IN_NUMBER, "$1$2").replace(ANY_SPACE, "");
  // ASCII two-character comparators, after spaces are gone so ">= 90" works too.
  return text.replace(/>=|=>/g, "≥").replace(/<=|=</g, "≤");
}

/** True when nothing but white space was typed. */
export function isBlank(raw: string): boolean {
  return raw.replace(ANY_SPACE, "") === "";
}
