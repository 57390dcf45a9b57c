/**
 * COM colours: `Color` is a BGR integer (r + g·256 + b·65536), `ColorIndex` an index into the
 * 56-colour default palette; OOXML (exceljs) keeps "AARRGGBB". Fills and patterns are mapped with
 * the Excel simulator's fill.ts, so both simulators read a file's fills the same way.
 */
import { PATTERN_TO_OOXML, OOXML_TO_PATTERN } from "../excel-sim/fill";
import { XL } from "./constants";
import { DEFAULT_INDEXED } from "../../src/hosts/xlsx/fill-record";

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

/**
 * Excel's default palette, ColorIndex 1–56, as "RRGGBB": the legacy indexed colours 8–63 that the
 * xlsx reader's fills use too (one table).
 */
export const PALETTE = DEFAULT_INDEXED.slice(8, 64);

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
