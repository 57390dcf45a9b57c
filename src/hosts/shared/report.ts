/**
 * 导出校验结果: the rows of the sheet listing every finding, with the columns `perf-eval annotate`
 * writes (src/hosts/xlsx/annotate-package.ts): 工作表, 单元格, 级别, 规则, 问题与处理建议. Each host
 * adapter writes these rows with its own API.
 */
import { SEVERITY_LABEL, type Finding } from "../../core/findings";

export const REPORT_SHEET = "校验结果";

/** Heading and width in characters of each column. */
export const REPORT_COLUMNS: ReadonlyArray<readonly [string, number]> = [
  ["工作表", 24],
  ["单元格", 10],
  ["级别", 8],
  ["规则", 26],
  ["问题与处理建议", 80],
];

/** The heading row, one row per finding, or a row saying nothing was found. All text. */
export function reportRows(findings: readonly Finding[]): string[][] {
  const rows: string[][] = [
    REPORT_COLUMNS.map(([head]) => head),
    ...findings.map((f) => [f.sheet, f.cell, SEVERITY_LABEL[f.severity], f.rule, f.message]),
  ];
  if (findings.length === 0) rows.push(["", "", "", "", "未发现问题"]);
  return rows;
}
