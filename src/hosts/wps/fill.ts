/**
 * Cell fills between the ET object model's `Interior` and the ledger's FillRecord (OOXML pattern
 * names, "RRGGBB" colours), so a fill recorded in Excel is written back in WPS and the other way
 * round.
 *
 * `Interior.Color` and `PatternColor` are BGR integers (r + g·256 + b·65536). No fill reads
 * `ColorIndex === xlColorIndexNone` / `Pattern === xlNone` (-4142), which tells it from white
 * (ColorIndex 2, Pattern xlSolid) — the distinction Office.js cannot make. For a hatching pattern,
 * `Color` is the cell's background and `PatternColor` the hatching's, as Office.js's `color` and
 * `patternColor`; an automatic pattern colour (PatternColorIndex xlColorIndexAutomatic) is
 * recorded as null.
 */
import type { FillRecord } from "../marks/ledger";
import { XL_PATTERN_NONE, XL_PATTERN_SOLID, ooxmlToXl, xlToOoxml } from "../shared/fill-patterns";

export const XL_COLOR_INDEX_NONE = -4142;
export const XL_COLOR_INDEX_AUTOMATIC = -4105;

/** "RRGGBB" → BGR integer. */
export function hexToBgr(hex: string): number {
  const rgb = parseInt(hex, 16);
  return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) * 256 + (rgb & 0xff) * 65536;
}

/** BGR integer → "RRGGBB"; undefined for anything that is not one. */
export function bgrToHex(bgr: unknown): string | undefined {
  if (typeof bgr !== "number" || !Number.isInteger(bgr) || bgr < 0 || bgr > 0xffffff) {
    return undefined;
  }
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return ((r << 16) | (g << 8) | b).toString(16).toUpperCase().padStart(6, "0");
}

/** The FillRecord of one cell's Interior. Gradients (not writable back) are kept as solid. */
export function readInterior(interior: Et.Interior): FillRecord {
  const pattern: unknown = interior.Pattern;
  if (pattern === XL_PATTERN_NONE || interior.ColorIndex === XL_COLOR_INDEX_NONE) {
    return { kind: "none" };
  }
  const color = bgrToHex(interior.Color) ?? "FFFFFF";
  if (pattern === XL_PATTERN_SOLID || typeof pattern !== "number") return { kind: "solid", color };
  const ooxml = xlToOoxml(pattern);
  if (!ooxml) return { kind: "solid", color };
  const automatic = interior.PatternColorIndex === XL_COLOR_INDEX_AUTOMATIC;
  return {
    kind: "pattern",
    pattern: ooxml,
    color,
    patternColor: automatic ? null : (bgrToHex(interior.PatternColor) ?? null),
  };
}

/** Gives a cell's Interior exactly this fill. */
export function writeInterior(interior: Et.Interior, record: FillRecord): void {
  if (record.kind === "none") {
    interior.ColorIndex = XL_COLOR_INDEX_NONE;
    return;
  }
  const pattern = record.kind === "pattern" ? ooxmlToXl(record.pattern) : XL_PATTERN_SOLID;
  // Pattern first: setting only Color would keep a hatching pattern under the new colour.
  interior.Pattern = pattern ?? XL_PATTERN_SOLID;
  interior.Color = hexToBgr(record.color);
  if (record.kind !== "pattern" || pattern === undefined) return;
  if (record.patternColor) interior.PatternColor = hexToBgr(record.patternColor);
  else interior.PatternColorIndex = XL_COLOR_INDEX_AUTOMATIC;
}

/** Two fills are the same record. */
export function sameFill(a: FillRecord, b: FillRecord): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
