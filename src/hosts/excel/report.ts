/**
 * 导出校验结果: a new sheet listing every finding, with the columns `perf-eval annotate` writes
 * (src/hosts/xlsx/annotate.ts): 工作表, 单元格, 级别, 规则, 问题与处理建议 — rows from src/hosts/shared/report.ts.
 */
import type { Finding } from "../../core/findings";
import { REPORT_COLUMNS, REPORT_SHEET, reportRows } from "../shared/report";
import type { ExcelFeatures } from "./env";
import { charactersToPoints, sheetNames, uniqueSheetName, withEventsOff } from "./sheets";

export { REPORT_SHEET };

export async function writeReportSheet(
  context: Excel.RequestContext,
  features: ExcelFeatures,
  findings: readonly Finding[],
): Promise<string> {
  const name = uniqueSheetName(await sheetNames(context), REPORT_SHEET);
  const rows = reportRows(findings);
  return withEventsOff(context, features, async () => {
    const sheet = context.workbook.worksheets.add(name);
    REPORT_COLUMNS.forEach(([, width], i) => {
      sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = charactersToPoints(width);
    });
    const all = sheet.getRangeByIndexes(0, 0, rows.length, REPORT_COLUMNS.length);
    // Text cells: a sheet name like "2025" or a cell text must stay as written.
    all.numberFormat = rows.map((row) => row.map(() => "@"));
    all.values = rows;
    sheet.getRangeByIndexes(0, 0, 1, REPORT_COLUMNS.length).format.font.bold = true;
    sheet.activate();
    await context.sync();
    return name;
  });
}
