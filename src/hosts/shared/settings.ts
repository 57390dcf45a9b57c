/**
 * Settings (the profile the user chose) are kept as workbook custom document properties
 * (docProps/custom.xml) by every host: Excel through `workbook.properties.custom` (ExcelApi 1.12),
 * WPS through `Workbook.CustomDocumentProperties`, exceljs through the file. One name per setting,
 * prefixed so ours never collide with the user's own properties: a profile chosen in Excel is the
 * one WPS shows, and the other way round.
 */
export const SETTING_PREFIX = "perf-eval.";
