/**
 * 导出校验结果: a new sheet listing every finding, the rows of src/hosts/shared/report.ts (the
 * columns `perf-eval annotate` and the Excel adapter write), text cells, written in one Value2.
 */
import type { Finding } from "../../core/findings";
import { columnLetter } from "../../core/grid";
import { REPORT_COLUMNS, REPORT_SHEET, reportRows } from "../shared/report";
import { uniqueSheetName } from "../xlsx/template";
import { activeWorkbook, type WpsEnv } from "./env";
import { SheetIndex, addSheet } from "./sheets";

export function writeReportSheet(env: WpsEnv, findings: readonly Finding[]): string {
  const workbook = activeWorkbook(env);
  const name = uniqueSheetName(new SheetIndex(workbook).names, REPORT_SHEET);
  const rows = reportRows(findings);
  const sheet = addSheet(workbook, name);
  REPORT_COLUMNS.forEach(([, width], i) => {
    sheet.Range(`${columnLetter(i + 1)}1`).ColumnWidth = width;
  });
  const last = columnLetter(REPORT_COLUMNS.length);
  const all = sheet.Range(`A1:${last}${rows.length}`);
  // Text cells: a sheet name like "2025" or a cell text must stay as written.
  all.NumberFormat = "@";
  all.Value2 = rows;
  sheet.Range(`A1:${last}1`).Font.Bold = true;
  sheet.Activate();
  return name;
}
