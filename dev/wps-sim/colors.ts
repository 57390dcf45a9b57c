/**
 * COM colours: `Color` is a BGR integer (r + g·256 + b·65536), `ColorIndex` an index into the
 * 56-colour default palette; OOXML (exceljs) keeps "AARRGGBB". Fills and patterns are mapped with
 * the Excel simulator's fill.ts, so both simulators read a file's fills the same way.
 */
import { PATTERN_TO_OOXML, OOXML_TO_PATTERN } from "../excel-sim/fill";
import { XL } from "./constants";

/** "RRGGBB" → BGR integer. */
export function hexToBgr(hex: string): number {
  const rgb = parseInt(hex.replace(/^#/, ""), 16);
  const r = (rgb >> 16) & 0xff;
  const g = (rgb >> 8) & 0xff;
  const b = rgb & 0xff;
  return r + g * 256 + b * 65536;
}

/** BGR integer → "RRGGBB" (upper case); undefined when it is not a colour COM would accept. */
export function bgrToHex(bgr: unknown): string | undefined {
  if (typeof bgr !== "number" || !Number.isInteger(bgr) || bgr < 0 || bgr > 0xffffff) {
    return undefined;
  }
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return [r, g, b]
    .map((c) => c.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

/** Excel's default palette, ColorIndex 1–56, as "RRGGBB". */
export const PALETTE = [
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
  "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
  "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
  "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
  "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
  "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
]; // prettier-ignore

/** The palette index nearest to a colour (COM's reading of ColorIndex for any fill colour). */
export function nearestColorIndex(hex: string): number {
  const rgb = (h: string) => [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  const [r, g, b] = rgb(hex);
  let best = 1;
  let bestDistance = Infinity;
  PALETTE.forEach((entry, i) => {
    const [pr, pg, pb] = rgb(entry);
    const d = (r - pr) ** 2 + (g - pg) ** 2 + (b - pb) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = i + 1;
    }
  });
  return best;
}

/** XlPattern value ↔ the Office.js pattern name fill.ts maps to OOXML. */
const XL_PATTERN_NAMES: Array<[number, string]> = [
  [XL.xlPatternNone, "None"],
  [XL.xlPatternSolid, "Solid"],
  [XL.xlPatternGray50, "Gray50"],
  [XL.xlPatternGray75, "Gray75"],
  [XL.xlPatternGray25, "Gray25"],
  [XL.xlPatternHorizontal, "Horizontal"],
  [XL.xlPatternVertical, "Vertical"],
  [XL.xlPatternDown, "Down"],
  [XL.xlPatternUp, "Up"],
  [XL.xlPatternChecker, "Checker"],
  [XL.xlPatternSemiGray75, "SemiGray75"],
  [XL.xlPatternLightHorizontal, "LightHorizontal"],
  [XL.xlPatternLightVertical, "LightVertical"],
  [XL.xlPatternLightDown, "LightDown"],
  [XL.xlPatternLightUp, "LightUp"],
  [XL.xlPatternGrid, "Grid"],
  [XL.xlPatternCrissCross, "CrissCross"],
  [XL.xlPatternGray16, "Gray16"],
  [XL.xlPatternGray8, "Gray8"],
];

export function patternName(xlPattern: number): string | undefined {
  if (xlPattern === XL.xlPatternAutomatic) return "Solid";
  return XL_PATTERN_NAMES.find(([value]) => value === xlPattern)?.[1];
}

export function xlPatternOf(name: string): number {
  return XL_PATTERN_NAMES.find(([, n]) => n === name)?.[0] ?? XL.xlPatternSolid;
}

/** XlPattern value → OOXML pattern name ("solid", "darkGrid", …). */
export function ooxmlPatternOf(xlPattern: number): string | undefined {
  const name = patternName(xlPattern);
  return name === undefined ? undefined : PATTERN_TO_OOXML[name];
}

export { OOXML_TO_PATTERN };
