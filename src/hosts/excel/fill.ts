/**
 * Cell fills between Office.js and the ledger's FillRecord. The ledger speaks OOXML pattern names
 * (`solid`, `gray125`, `darkGrid` …) so Excel, WPS and exceljs share one vocabulary; Office.js
 * speaks `Excel.FillPattern` ("Solid", "Gray16", "Checker" …); the table of pairs is shared with the
 * WPS adapter (src/hosts/shared/fill-patterns.ts).
 *
 * Colours: `FillRecord.color` is Office.js `fill.color` (the cell's background colour, what Excel
 * calls Interior.Color), `patternColor` is `fill.patternColor` (the colour of the hatching).
 */
import { normalizeColor, type FillRecord } from "../marks/ledger";
import { officeToOoxml, ooxmlToOffice } from "../shared/fill-patterns";

export function patternToOoxml(pattern: string): string | undefined {
  return officeToOoxml(pattern);
}

export function patternFromOoxml(pattern: string): Excel.FillPattern | undefined {
  return ooxmlToOffice(pattern) as Excel.FillPattern | undefined;
}

/** The fill properties to load; `pattern` and `patternColor` only exist from ExcelApi 1.9. */
export function fillLoadPaths(withPattern: boolean): string {
  return withPattern ? "color,pattern,patternColor" : "color";
}

/**
 * The FillRecord of one cell whose fill was loaded with `fillLoadPaths`.
 *
 * No fill vs white (office-js#6218): both read `color` "#FFFFFF". With ExcelApi 1.9 the tell is
 * `pattern`: "None" for no fill, "Solid" for a white fill. Without 1.9 there is no tell (neither
 * `pattern` nor `tintAndShade` exists), so "#FFFFFF" is taken as no fill, the far more common case,
 * and capabilities() says so. Gradients cannot be written back through Office.js; they are kept as
 * their first colour, solid.
 */
export function readFill(fill: Excel.RangeFill, withPattern: boolean): FillRecord {
  const color = normalizeColor(fill.color) ?? "FFFFFF";
  if (!withPattern) return color === "FFFFFF" ? { kind: "none" } : { kind: "solid", color };
  const pattern = fill.pattern as string | null;
  if (pattern === "None" || (pattern === null && color === "FFFFFF")) return { kind: "none" };
  if (pattern === "Solid" || pattern === null) return { kind: "solid", color };
  const ooxml = patternToOoxml(pattern);
  if (!ooxml) return { kind: "solid", color };
  return {
    kind: "pattern",
    pattern: ooxml,
    color,
    patternColor: normalizeColor(fill.patternColor) ?? null,
  };
}

/** Queues the writes that give a cell exactly this fill. */
export function writeFill(fill: Excel.RangeFill, record: FillRecord, withPattern: boolean): void {
  // clear() first: setting only `color` would keep a hatching pattern under the new colour.
  fill.clear();
  if (record.kind === "none") return;
  fill.color = `#${record.color}`;
  if (record.kind === "solid" || !withPattern) return;
  const pattern = patternFromOoxml(record.pattern);
  if (!pattern) return;
  fill.pattern = pattern;
  if (record.patternColor) fill.patternColor = `#${record.patternColor}`;
}
