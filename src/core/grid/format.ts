/**
 * Host-neutral rendering of a stored number with a spreadsheet number format, so every host shows
 * the same display text ("99.04", "100%", "1,663.27"). Formats are rendered by numfmt (a pure,
 * maintained implementation of Excel's format language: sections, conditions, fractions, dates,
 * scientific, locales), which replaced a hand-written subset that showed anything beyond fixed
 * decimals, percent and grouping as General.
 *
 * numfmt 3.2: 4.0.1's published package names a CommonJS entry (dist/index.cjs) it does not ship,
 * so the command line (CommonJS) cannot load it. 3.2 rounds the binary value (1.005 is stored as
 * 1.00499…, so "0.00" gave "1.00"); Excel rounds the decimal digits a person sees, half away from
 * zero, so plain decimal formats get the value rounded that way first (roundForFormat).
 *
 * General stays ours: Excel's General depends on the column width, and this project has always
 * shown it as at most 11 significant digits (formula-values.ts turns numbers into text with it
 * too); changing it would change the text of every unformatted number in findings.
 */
import { format as numfmtFormat, getFormatInfo } from "numfmt";
import { memoByText } from "../memo";

/** Excel "General": at most 11 significant digits, no binary float noise (0.1 + 0.2 → "0.3"). */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return "#NUM!";
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e11 || abs < 1e-5) return formatScientific(value);
  // toPrecision drops the noise; Number() then drops trailing zeros.
  return String(Number(value.toPrecision(11)));
}

function formatScientific(value: number): string {
  const [mantissa, exponent] = value.toExponential(5).split("e");
  const trimmed = mantissa.includes(".")
    ? mantissa.replace(/0+$/, "").replace(/\.$/, "")
    : mantissa;
  const exp = Number(exponent);
  const sign = exp < 0 ? "-" : "+";
  return `${trimmed}E${sign}${String(Math.abs(exp)).padStart(2, "0")}`;
}

/** How a code is rendered: decimals to round to first (decimal formats), or as numfmt does. */
interface CodeInfo {
  readonly valid: boolean;
  /** Digits after the point the code shows, for number / percent / grouped / currency codes. */
  readonly decimals?: number;
  /** What the code multiplies by before showing (100 for %, 0.001 per trailing comma). */
  readonly scale: number;
}

const GENERAL = /^\s*general\s*$/i;
const ROUNDED_TYPES = new Set(["number", "percent", "grouped", "currency"]);
/** What a code is, read once per code (a workbook uses a handful). */
const codeInfo = memoByText(
  (numFmt: string): CodeInfo => {
    try {
      const parsed = getFormatInfo(numFmt);
      // getFormatInfo tolerates codes format() rejects; format once to know.
      numfmtFormat(numFmt, 1);
      return ROUNDED_TYPES.has(parsed.type)
        ? { valid: true, decimals: parsed.maxDecimals, scale: parsed.scale }
        : { valid: true, scale: 1 };
    } catch {
      return { valid: false, scale: 1 };
    }
  },
  { maxLength: Number.POSITIVE_INFINITY, limit: 501 },
);

/**
 * Renders `value` with the format code `numFmt`. Text values are shown as they are; a number under
 * General, "@" (text format) or a code numfmt cannot parse is shown as General.
 */
export function formatValue(value: number | string, numFmt: string | undefined): string {
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "#NUM!";
  if (numFmt === undefined || numFmt === "" || numFmt === "@" || GENERAL.test(numFmt)) {
    return formatGeneral(value);
  }
  const info = codeInfo(numFmt);
  // A damaged code ("0.00\"unterminated") shows the number as General rather than failing.
  if (!info.valid) return formatGeneral(value);
  let memo = texts.get(numFmt);
  const known = memo?.get(value);
  if (known !== undefined) return known;
  const shown = info.decimals === undefined ? value : roundForFormat(value, info);
  let text: string;
  try {
    text = numfmtFormat(numFmt, shown);
  } catch {
    text = formatGeneral(value);
  }
  // Forms repeat their numbers (weights, scores, rates): a sheet's texts are mostly known ones.
  if (!memo || memo.size > 4096) {
    if (texts.size > 64) texts.clear();
    memo = new Map();
    texts.set(numFmt, memo);
  }
  memo.set(value, text);
  return text;
}

/** Recently rendered texts by code and value. */
const texts = new Map<string, Map<number, string>>();

/**
 * The value rounded, half away from zero, on the decimal digits the code shows (1.005 → 1.01 under
 * "0.00", 0.99935 → 0.9994 under "0.00%"); numfmt then has no half left to round the binary way.
 */
function roundForFormat(value: number, info: CodeInfo): number {
  const decimals = info.decimals ?? 0;
  const scaled = Math.abs(value) * info.scale;
  // Only a value at (or a binary hair from) a half can round differently; leave the rest alone.
  const shifted = scaled * 10 ** decimals;
  if (Math.abs(shifted - Math.floor(shifted) - 0.5) > 1e-6) return value;
  // 15 significant digits, as Excel keeps, drop the binary noise (1.00499999… → 1.005).
  const text = String(Number(scaled.toPrecision(15)));
  if (text.includes("e")) return value;
  const rounded = Number(`${Math.round(Number(`${text}e${decimals}`))}e-${decimals}`);
  return (Math.sign(value) * rounded) / info.scale;
}
