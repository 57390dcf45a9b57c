/**
 * Fill patterns in the three vocabularies the hosts speak: OOXML `patternType` (what the mark
 * ledger records and exceljs reads), Office.js `Excel.FillPattern`, and the ET / COM `XlPattern`
 * numbers WPS's `Interior.Pattern` takes. The pairs are the ones Excel itself uses between its
 * object model and the file format, so a fill recorded by one host is written back by the other.
 */

export interface PatternName {
  ooxml: string;
  /** Excel.FillPattern (Office.js). */
  office: string;
  /** XlPattern (ET / COM `Interior.Pattern`). */
  xl: number;
}

/** XlPattern of "no fill" (xlPatternNone = xlNone) and of a plain colour (xlPatternSolid). */
export const XL_PATTERN_NONE = -4142;
export const XL_PATTERN_SOLID = 1;

export const PATTERNS: readonly PatternName[] = [
  { ooxml: "solid", office: "Solid", xl: XL_PATTERN_SOLID },
  { ooxml: "mediumGray", office: "Gray50", xl: -4125 },
  { ooxml: "darkGray", office: "Gray75", xl: -4126 },
  { ooxml: "lightGray", office: "Gray25", xl: -4124 },
  { ooxml: "darkHorizontal", office: "Horizontal", xl: -4128 },
  { ooxml: "darkVertical", office: "Vertical", xl: -4166 },
  { ooxml: "darkDown", office: "Down", xl: -4121 },
  { ooxml: "darkUp", office: "Up", xl: -4162 },
  { ooxml: "darkGrid", office: "Checker", xl: 9 },
  { ooxml: "darkTrellis", office: "SemiGray75", xl: 10 },
  { ooxml: "lightHorizontal", office: "LightHorizontal", xl: 11 },
  { ooxml: "lightVertical", office: "LightVertical", xl: 12 },
  { ooxml: "lightDown", office: "LightDown", xl: 13 },
  { ooxml: "lightUp", office: "LightUp", xl: 14 },
  { ooxml: "lightGrid", office: "Grid", xl: 15 },
  { ooxml: "lightTrellis", office: "CrissCross", xl: 16 },
  { ooxml: "gray125", office: "Gray16", xl: 17 },
  { ooxml: "gray0625", office: "Gray8", xl: 18 },
];

const BY_OFFICE = new Map(PATTERNS.map((p) => [p.office, p]));
const BY_OOXML = new Map(PATTERNS.map((p) => [p.ooxml, p]));
const BY_XL = new Map(PATTERNS.map((p) => [p.xl, p]));

export function officeToOoxml(pattern: string): string | undefined {
  return BY_OFFICE.get(pattern)?.ooxml;
}

export function ooxmlToOffice(pattern: string): string | undefined {
  return BY_OOXML.get(pattern)?.office;
}

export function xlToOoxml(pattern: number): string | undefined {
  return BY_XL.get(pattern)?.ooxml;
}

export function ooxmlToXl(pattern: string): number | undefined {
  return BY_OOXML.get(pattern)?.xl;
}
