/**
 * Host-neutral rendering of a stored number with a spreadsheet number format, so every host shows
 * the same display text ("99.04", "100%", "1,663.27"). Only the formats the forms use are rendered;
 * anything else falls back to General rather than guessing.
 */

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

/** A parsed number-format section: literal text around one digit pattern. */
interface Section {
  prefix: string;
  suffix: string;
  /** Minimum integer digits (count of "0" before the point). */
  intZeros: number;
  thousands: boolean;
  minDecimals: number;
  maxDecimals: number;
  /** Number of "%" signs: each multiplies by 100. */
  percents: number;
  /** Trailing commas after the digits: each divides by 1000. */
  scale: number;
  /** A section without any digit placeholder shows only its literal text. */
  hasDigits: boolean;
}

const sectionCache = new Map<string, Section[] | null>();

/**
 * Renders `value` with the format code `numFmt`. Text values are shown as they are; numbers with an
 * unknown or unsupported format (dates, fractions, conditions, scientific) are shown as General.
 */
export function formatValue(value: number | string, numFmt: string | undefined): string {
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "#NUM!";
  if (numFmt === undefined || numFmt === "") return formatGeneral(value);
  let sections = sectionCache.get(numFmt);
  if (sections === undefined) {
    sections = parseFormat(numFmt);
    if (sectionCache.size > 500) sectionCache.clear();
    sectionCache.set(numFmt, sections);
  }
  if (sections === null) return formatGeneral(value);
  return renderNumber(value, sections);
}

function renderNumber(value: number, sections: Section[]): string {
  let section = sections[0];
  let signed = true;
  if (value < 0 && sections.length >= 2) {
    section = sections[1];
    signed = false; // the negative section spells its own sign, e.g. "(0.00)"
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2];
  }
  if (!section.hasDigits) return section.prefix + section.suffix;
  let abs = Math.abs(value) * 100 ** section.percents;
  if (section.scale > 0) abs /= 1000 ** section.scale;
  const rounded = roundHalfUp(abs, section.maxDecimals);
  let fixed = rounded.toFixed(section.maxDecimals);
  let [intPart, decPart = ""] = fixed.split(".");
  // Optional "#" decimals drop their trailing zeros down to the "0" decimals.
  while (decPart.length > section.minDecimals && decPart.endsWith("0")) {
    decPart = decPart.slice(0, -1);
  }
  if (intPart === "0" && section.intZeros === 0) intPart = "";
  if (intPart.length < section.intZeros) intPart = intPart.padStart(section.intZeros, "0");
  if (section.thousands) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  fixed = decPart.length > 0 ? `${intPart}.${decPart}` : intPart;
  const negative = signed && value < 0 && rounded !== 0;
  return (negative ? "-" : "") + section.prefix + fixed + section.suffix;
}

/** Half away from zero on the decimal digits a person sees (1.005 → 1.01), as spreadsheets do. */
function roundHalfUp(abs: number, decimals: number): number {
  const clean = Number(abs.toPrecision(15));
  const text = String(clean);
  if (text.includes("e")) return Number(clean.toFixed(decimals));
  return Number(`${Math.round(Number(`${text}e${decimals}`))}e-${decimals}`);
}

function parseFormat(code: string): Section[] | null {
  if (/^general$/i.test(code.trim())) return null;
  const parts = splitSections(code);
  if (parts === null) return null;
  const sections: Section[] = [];
  for (const part of parts.slice(0, 3)) {
    const section = parseSection(part);
    if (section === null) return null;
    sections.push(section);
  }
  return sections.length > 0 ? sections : null;
}

/** Splits on ";" outside quotes. */
function splitSections(code: string): string[] | null {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted && i + 1 < code.length) {
      current += ch + code[i + 1];
      i++;
      continue;
    }
    if (ch === ";" && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  if (quoted) return null;
  parts.push(current);
  return parts;
}

function parseSection(part: string): Section | null {
  const section: Section = {
    prefix: "",
    suffix: "",
    intZeros: 0,
    thousands: false,
    minDecimals: 0,
    maxDecimals: 0,
    percents: 0,
    scale: 0,
    hasDigits: false,
  };
  let afterDigits = false;
  let inDecimals = false;
  let pendingCommas = 0;
  const literal = (text: string) => {
    if (section.hasDigits) {
      afterDigits = true;
      section.suffix += text;
    } else {
      section.prefix += text;
    }
  };
  for (let i = 0; i < part.length; i++) {
    const ch = part[i];
    if (ch === '"') {
      const end = part.indexOf('"', i + 1);
      if (end < 0) return null;
      literal(part.slice(i + 1, end));
      i = end;
    } else if (ch === "\\") {
      if (i + 1 < part.length) literal(part[i + 1]);
      i++;
    } else if (ch === "[") {
      const end = part.indexOf("]", i + 1);
      if (end < 0) return null;
      const inner = part.slice(i + 1, end);
      // [$¥-804] carries a currency symbol; colours are ignored; conditions are unsupported.
      if (inner.startsWith("$")) literal(inner.slice(1).split("-")[0]);
      else if (/^[<>=]/.test(inner)) return null;
      i = end;
    } else if (ch === "_") {
      literal(" ");
      i++;
    } else if (ch === "*") {
      i++; // fill character: no fixed width here
    } else if (ch === "0" || ch === "#" || ch === "?") {
      if (afterDigits) return null; // two digit groups (e.g. fractions): unsupported
      if (pendingCommas > 0) {
        section.thousands = true;
        pendingCommas = 0;
      }
      section.hasDigits = true;
      if (inDecimals) {
        section.maxDecimals++;
        if (ch !== "#") section.minDecimals++;
      } else if (ch !== "#") {
        section.intZeros++;
      }
    } else if (ch === "." && section.hasDigits && !afterDigits && !inDecimals) {
      inDecimals = true;
    } else if (
      ch === "." &&
      !section.hasDigits &&
      i + 1 < part.length &&
      /[0#?]/.test(part[i + 1])
    ) {
      section.hasDigits = true;
      inDecimals = true;
    } else if (ch === "," && section.hasDigits && !afterDigits) {
      pendingCommas++;
    } else if (ch === "%") {
      section.percents++;
      literal("%");
    } else if (ch === "@") {
      return null; // text placeholder: a number under "@" shows as General
    } else if (/[A-Za-z]/.test(ch)) {
      return null; // dates, times, scientific, "General" inside a section
    } else if (ch === "/") {
      return null;
    } else {
      literal(ch);
    }
  }
  // Commas right after the digits scale by thousands instead of grouping.
  section.scale = pendingCommas;
  return section;
}
