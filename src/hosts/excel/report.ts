/**
 * 导出校验结果: a new sheet listing every finding, with the columns `perf-eval annotate` writes
 * (src/hosts/xlsx/annotate.ts): 工作表, 单元格, 级别, 规则, 问题与处理建议.
 */
import { SEVERITY_LABEL, type Finding } from "../../core/findings";
import type { ExcelFeatures } from "./env";
import { charactersToPoints, sheetNames, uniqueSheetName, withEventsOff } from "./sheets";

export const REPORT_SHEET = "校验结果";
const COLUMNS: ReadonlyArray<[string, number]> = [
  ["工作表", 24],
  ["单元格", 10],
  ["级别", 8],
  ["规则", 26],
  ["问题与处理建议", 80],
];

export async function writeReportSheet(
  context: Excel.RequestContext,
  features: ExcelFeatures,
  findings: readonly Finding[],
): Promise<string> {
  const name = uniqueSheetName(await sheetNames(context), REPORT_SHEET);
  const rows: string[][] = [
    COLUMNS.map(([head]) => head),
    ...findings.map((f) => [f.sheet, f.cell, SEVERITY_LABEL[f.severity], f.rule, f.message]),
  ];
  if (findings.length === 0) rows.push(["", "", "", "", "未发现问题"]);
  return withEventsOff(context, features, async () => {
    const sheet = context.workbook.worksheets.add(name);
    COLUMNS.forEach(([, width], i) => {
      sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = charactersToPoints(width);
    });
    const all = sheet.getRangeByIndexes(0, 0, rows.length, COLUMNS.length);
    // Text cells: a sheet name like "2025" or a cell text must stay as written.
    all.numberFormat = rows.map((row) => row.map(() => "@"));
    all.values = rows;
    sheet.getRangeByIndexes(0, 0, 1, COLUMNS.length).format.font.bold = true;
    sheet.activate();
    await context.sync();
    return name;
  });
}
