import ExcelJS from "exceljs";
import { SEVERITY_LABEL, type Finding, type Severity } from "../../core/findings";

/** Fill colours by severity: Excel's own "bad", "neutral" and a light blue for hints. */
export const MARK_FILL: Record<Severity, string> = {
  error: "FFFFC7CE",
  warning: "FFFFEB9C",
  info: "FFDDEBF7",
};

const SUMMARY_SHEET = "校验结果";

/**
 * Writes a copy of `inputPath` to `outputPath` with each finding's cell filled by severity and a
 * note that says what to do, plus a sheet listing every finding. The input file is only read.
 * A cell with several findings gets the most severe fill and all messages in one note; a note the
 * user already had is kept above ours.
 */
export async function annotateXlsx(
  inputPath: string,
  outputPath: string,
  findings: readonly Finding[],
): Promise<{ marked: number }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(inputPath);

  const byCell = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (!finding.sheet || !finding.cell) continue;
    const key = `${finding.sheet}\u0000${finding.cell}`;
    const list = byCell.get(key) ?? [];
    list.push(finding);
    byCell.set(key, list);
  }

  let marked = 0;
  for (const [key, cellFindings] of byCell) {
    const [sheetName, address] = key.split("\u0000");
    const sheet = workbook.getWorksheet(sheetName);
    if (!sheet) continue;
    const cell = sheet.getCell(address);
    const severity = mostSevere(cellFindings);
    // exceljs shares one style object among the cells read with the same style id, and `cell.fill =`
    // writes into it: that would paint every cell styled alike. Give this cell its own copy.
    cell.style = {
      ...cell.style,
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: MARK_FILL[severity] } },
    };
    const ours = cellFindings
      .map((f) => `【${SEVERITY_LABEL[f.severity]}】${f.message}（${f.rule}）`)
      .join("\n");
    const previous = noteText(cell.note);
    cell.note = previous ? `${previous}\n—— 绩效自评助手 ——\n${ours}` : ours;
    marked++;
  }

  addSummarySheet(workbook, findings);
  await workbook.xlsx.writeFile(outputPath);
  return { marked };
}

function mostSevere(findings: readonly Finding[]): Severity {
  if (findings.some((f) => f.severity === "error")) return "error";
  if (findings.some((f) => f.severity === "warning")) return "warning";
  return "info";
}

function noteText(note: ExcelJS.Cell["note"]): string {
  if (!note) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

function addSummarySheet(workbook: ExcelJS.Workbook, findings: readonly Finding[]): void {
  let name = SUMMARY_SHEET;
  for (let n = 2; workbook.getWorksheet(name); n++) name = `${SUMMARY_SHEET}${n}`;
  const sheet = workbook.addWorksheet(name);
  sheet.columns = [
    { header: "工作表", width: 24 },
    { header: "单元格", width: 10 },
    { header: "级别", width: 8 },
    { header: "规则", width: 26 },
    { header: "问题与处理建议", width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const f of findings) {
    sheet.addRow([f.sheet, f.cell, SEVERITY_LABEL[f.severity], f.rule, f.message]);
  }
  if (findings.length === 0) sheet.addRow(["", "", "", "", "未发现问题"]);
}
