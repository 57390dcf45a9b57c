/**
 * Writes the summary rows (summary.ts) as an .xlsx workbook with exceljs: a 表格汇总 sheet and a
 * 问题清单 sheet, each with a filter on its head row, the head frozen, columns as wide as their
 * text and the file names as links. No Node or DOM API: the command line writes the bytes to a
 * file, the web checker's worker hands them to the page to download. The web checker loads this
 * module only when 下载汇总表 is clicked (exceljs is large and never needed for the check itself).
 */
import ExcelJS from "exceljs";
import { FINDING_HEADS, findingCells, type FormRow, type SummaryRows } from "./summary";

export const FORMS_SHEET = "表格汇总";
export const FINDINGS_SHEET = "问题清单";

export const FORM_HEADS = [
  "文件",
  "工作表",
  "项目名称",
  "主管部门",
  "全年预算数",
  "执行率",
  "总分",
  "等级",
  "错误",
  "警告",
  "提示",
  "说明",
] as const;

/** Widest a column gets, in character widths: a long message wraps in Excel's cell instead. */
const MAX_WIDTH = 80;

/** The summary workbook's bytes. */
export async function summaryWorkbook(rows: SummaryRows): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "perf-eval";
  const forms = workbook.addWorksheet(FORMS_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  forms.addRow([...FORM_HEADS]);
  for (const row of rows.forms) {
    const added = forms.addRow([
      fileCell(row.file, row.link),
      safe(row.sheet),
      safe(row.projectName),
      safe(row.department),
      typeof row.budget === "string" ? safe(row.budget) : row.budget,
      row.rate,
      row.total,
      row.grade,
      row.error,
      row.warning,
      row.info,
      safe(row.note),
    ]);
    if (typeof row.budget === "number") added.getCell(5).numFmt = budgetFormat(row);
    added.getCell(6).numFmt = "0.00%";
  }
  finishSheet(forms, FORM_HEADS.length);

  const findings = workbook.addWorksheet(FINDINGS_SHEET, {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  findings.addRow([...FINDING_HEADS]);
  for (const row of rows.findings) {
    const [, ...rest] = findingCells(row);
    findings.addRow([fileCell(row.file, row.link), ...rest.map(safe)]);
  }
  finishSheet(findings, FINDING_HEADS.length);

  const bytes = await workbook.xlsx.writeBuffer();
  return new Uint8Array(bytes as ArrayBuffer);
}

/** 万元 amounts keep their decimals as typed (up to six); 元 amounts show two. */
function budgetFormat(row: FormRow): string {
  return row.unit === "元" ? '#,##0.00"元"' : '#,##0.00####"万元"';
}

/** The file name, linking to the file (Excel opens it relative to the summary's folder). */
function fileCell(file: string, link: string): ExcelJS.CellHyperlinkValue | string {
  const text = safe(file);
  if (link === "") return text;
  return { text, hyperlink: safe(link) };
}

function finishSheet(sheet: ExcelJS.Worksheet, columns: number): void {
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns } };
  for (let c = 1; c <= columns; c++) {
    const column = sheet.getColumn(c);
    let widest = 4;
    column.eachCell({ includeEmpty: false }, (cell) => {
      widest = Math.max(widest, displayWidth(shownText(cell)));
    });
    // Room for the filter button beside the head.
    column.width = Math.min(widest + 3, MAX_WIDTH);
    if (widest > MAX_WIDTH) column.alignment = { wrapText: true, vertical: "top" };
  }
}

function shownText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    const format = cell.numFmt ?? "";
    if (format.endsWith("%")) return `${(value * 100).toFixed(2)}%`;
    // Thousands separators and the unit the format adds.
    if (format.includes("元")) return `${value.toLocaleString("en-US")}.00万元`;
    return String(value);
  }
  if (typeof value === "object" && "text" in value) return String(value.text);
  return String(value);
}

/** Width in Excel's character units: CJK and other wide characters count double. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/**
 * Characters XML 1.0 cannot hold (C0 controls other than tab and line breaks, U+FFFE/U+FFFF, lone
 * surrogates) would make the file unreadable; a cell quoted in a message may carry them (xlsx
 * stores them as _x001B_). They are written as visible escapes, as the text report shows them.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function safe(text: string): string {
  return text.replace(NOT_XML, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
