/**
 * Host-neutral rendering of a stored number with a spreadsheet number format, so every host shows
 * the same display text ("99.04", "100%", "1,663.27"). Formats are rendered by numfmt (a pure,
 * maintained implementation of Excel's format language: sections, conditions, fractions, dates,
 * scientific, locales), which replaced a hand-written subset that showed anything beyond fixed
 * decimals, percent and grouping as General.
 *
 * General stays ours: Excel's General depends on the column width, and this project has always
 * shown it as at most 11 significant digits (formula-values.ts turns numbers into text with it
 * too); changing it would change the text of every unformatted number in findings.
 */
import { format as numfmtFormat } from "numfmt";

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

/** Codes that are General however they are spelled, and codes numfmt refused (remembered). */
const GENERAL = /^\s*general\s*$/i;
const invalidCodes = new Set<string>();

/**
 * Renders `value` with the format code `numFmt`. Text values are shown as they are; a number under
 * General, "@" (text format) or a code numfmt cannot parse is shown as General.
 */
export function formatValue(value: number | string, numFmt: string | undefined): string {
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "#NUM!";
  if (numFmt === undefined || numFmt === "" || GENERAL.test(numFmt) || numFmt === "@") {
    return formatGeneral(value);
  }
  if (invalidCodes.has(numFmt)) return formatGeneral(value);
  let text: string;
  try {
    // numfmt keeps parsed codes in its own LRU cache, so a sheet's few codes are parsed once.
    text = numfmtFormat(numFmt, value, { throws: true, overflow: "######" });
  } catch {
    // A damaged code ("0.00\"unterminated") shows the number as General rather than failing.
    if (invalidCodes.size > 500) invalidCodes.clear();
    invalidCodes.add(numFmt);
    return formatGeneral(value);
  }
  return text;
}
