/**
 * Cell fills between exceljs (OOXML patternFill: pattern name, fgColor, bgColor as ARGB or theme)
 * and what Office.js's RangeFill shows (color "#RRGGBB", pattern, patternColor, tintAndShade).
 *
 * Office.js facts modelled (hosts.md; none tried in a real Excel):
 * - no fill and a white fill both read `color` "#FFFFFF" (office-js#6218);
 * - `pattern` (ExcelApi 1.9) reads "None" for no fill;
 * - `tintAndShade` reads null for no fill (the tell suggested in office-js#6218) and a number
 *   otherwise — a guess, listed as unverified in the README.
 * For a solid fill the cell colour is OOXML's fgColor; for the other patterns (as in Excel's COM
 * Interior) `color` is the background (bgColor) and `patternColor` the pattern's (fgColor).
 */
import type ExcelJS from "exceljs";

/** Office.js FillPattern names ↔ OOXML pattern names. */
export const PATTERN_TO_OOXML: Record<string, ExcelJS.FillPatterns> = {
  None: "none",
  Solid: "solid",
  Gray50: "mediumGray",
  Gray75: "darkGray",
  Gray25: "lightGray",
  Horizontal: "darkHorizontal",
  Vertical: "darkVertical",
  Down: "darkDown",
  Up: "darkUp",
  Checker: "darkGrid",
  SemiGray75: "darkTrellis",
  LightHorizontal: "lightHorizontal",
  LightVertical: "lightVertical",
  LightDown: "lightDown",
  LightUp: "lightUp",
  Grid: "lightGrid",
  CrissCross: "lightTrellis",
  Gray16: "gray125",
  Gray8: "gray0625",
};

export const OOXML_TO_PATTERN: Record<string, string> = Object.fromEntries(
  Object.entries(PATTERN_TO_OOXML).map(([office, ooxml]) => [ooxml, office]),
);

/** The default Office theme's colours by theme index (lt1, dk1, lt2, dk2, accent1…6, links). */
const THEME = [
  "FFFFFF",
  "000000",
  "E7E6E6",
  "44546A",
  "4472C4",
  "ED7D31",
  "A5A5A5",
  "FFC000",
  "5B9BD5",
  "70AD47",
  "0563C1",
  "954F72",
];

/** Indexed colours 0–63 of the legacy palette that files still use (only the common ones). */
const INDEXED: Record<number, string> = {
  8: "000000",
  9: "FFFFFF",
  10: "FF0000",
  11: "00FF00",
  12: "0000FF",
  13: "FFFF00",
  14: "FF00FF",
  15: "00FFFF",
  64: "000000",
  65: "FFFFFF",
};

export interface OfficeFill {
  color: string;
  pattern: string;
  patternColor: string | null;
  tintAndShade: number | null;
}

/** An OOXML colour as "RRGGBB" (theme and tint resolved), or undefined. */
export function colorHex(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  if (!color) return undefined;
  if (typeof color.argb === "string" && /^[0-9A-Fa-f]{6,8}$/.test(color.argb)) {
    return color.argb.slice(-6).toUpperCase();
  }
  if (typeof color.theme === "number") {
    const base = THEME[color.theme] ?? "000000";
    const tint = (color as { tint?: number }).tint;
    return typeof tint === "number" && tint !== 0 ? applyTint(base, tint) : base;
  }
  const indexed = (color as { indexed?: number }).indexed;
  if (typeof indexed === "number") return INDEXED[indexed] ?? "000000";
  return undefined;
}

/** Excel's tint: towards white for positive, towards black for negative (in RGB, close enough). */
function applyTint(hex: string, tint: number): string {
  const channels = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const tinted = channels.map((c) => Math.round(tint < 0 ? c * (1 + tint) : c + (255 - c) * tint));
  return tinted
    .map((c) => c.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

function tintOf(color: Partial<ExcelJS.Color> | undefined): number {
  const tint = (color as { tint?: number } | undefined)?.tint;
  return typeof tint === "number" ? tint : 0;
}

/** What Office.js reads for a cell with this exceljs fill. */
export function officeFillOf(fill: ExcelJS.Fill | undefined): OfficeFill {
  if (!fill || fill.type !== "pattern" || !fill.pattern || fill.pattern === "none") {
    // Gradients are read as no fill here (Office.js reports them through other APIs).
    return { color: "#FFFFFF", pattern: "None", patternColor: null, tintAndShade: null };
  }
  if (fill.pattern === "solid") {
    const color = colorHex(fill.fgColor) ?? colorHex(fill.bgColor) ?? "000000";
    return {
      color: `#${color}`,
      pattern: "Solid",
      patternColor: null,
      tintAndShade: tintOf(fill.fgColor),
    };
  }
  const background = colorHex(fill.bgColor) ?? "FFFFFF";
  const foreground = colorHex(fill.fgColor) ?? "000000";
  return {
    color: `#${background}`,
    pattern: OOXML_TO_PATTERN[fill.pattern] ?? "Solid",
    patternColor: `#${foreground}`,
    tintAndShade: tintOf(fill.bgColor),
  };
}

const NAMED: Record<string, string> = {
  white: "FFFFFF",
  black: "000000",
  red: "FF0000",
  green: "008000",
  blue: "0000FF",
  yellow: "FFFF00",
  orange: "FFA500",
  gray: "808080",
  grey: "808080",
};

/** "#RRGGBB", "RRGGBB" or an HTML colour name → "RRGGBB"; undefined when Excel would reject it. */
export function parseColor(input: unknown): string | undefined {
  if (typeof input !== "string") return undefined;
  const text = input.trim();
  const hex = /^#?([0-9A-Fa-f]{6})$/.exec(text);
  if (hex) return hex[1].toUpperCase();
  return NAMED[text.toLowerCase()];
}

const argb = (hex: string): Partial<ExcelJS.Color> => ({ argb: `FF${hex}` });

/** The exceljs fill after setting `color` (a solid fill unless a pattern is already there). */
export function withColor(fill: ExcelJS.Fill | undefined, hex: string): ExcelJS.Fill {
  if (fill && fill.type === "pattern" && fill.pattern !== "none" && fill.pattern !== "solid") {
    return { type: "pattern", pattern: fill.pattern, fgColor: fill.fgColor, bgColor: argb(hex) };
  }
  return { type: "pattern", pattern: "solid", fgColor: argb(hex) };
}

/** The exceljs fill after setting `pattern` (Office.js name); undefined for "None". */
export function withPattern(
  fill: ExcelJS.Fill | undefined,
  pattern: string,
): ExcelJS.Fill | undefined {
  const ooxml = PATTERN_TO_OOXML[pattern];
  if (ooxml === undefined) throw new Error(`unknown pattern ${pattern}`);
  if (ooxml === "none") return undefined;
  const current = officeFillOf(fill);
  const cellColor = current.pattern === "None" ? "FFFFFF" : current.color.slice(1);
  if (ooxml === "solid") return { type: "pattern", pattern: "solid", fgColor: argb(cellColor) };
  const patternColor = current.patternColor?.slice(1) ?? "000000";
  return { type: "pattern", pattern: ooxml, fgColor: argb(patternColor), bgColor: argb(cellColor) };
}

/** The exceljs fill after setting `patternColor`. */
export function withPatternColor(
  fill: ExcelJS.Fill | undefined,
  hex: string,
): ExcelJS.Fill | undefined {
  if (!fill || fill.type !== "pattern" || fill.pattern === "none" || fill.pattern === "solid") {
    // Excel keeps a pattern colour only for a patterned fill; on a solid or empty cell it is unseen.
    return fill;
  }
  return { ...fill, fgColor: argb(hex) };
}
