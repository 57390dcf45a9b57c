// The marked copy of a workbook, made by editing its package in place: only styles.xml (our fills
// added), the marked cells' s="", the notes and the summary sheet change. Protection, page setup,
// headers, document properties, charts and anything else the input had stay byte for byte, which
// a read-and-rewrite with a spreadsheet library does not guarantee (exceljs drops LibreOffice's
// true/false attributes, workbook protection, custom properties, charts…). No Node-only API here.
import { fromA1, toA1 } from "../../core/grid";
import { SEVERITY_LABEL, type Finding, type Severity } from "../../core/findings";
import { MARK_COLOR, planMarks, type CellMark, type LedgerEntry } from "../marks/ledger";
import { ledgerSheet, readLedger, writeLedger } from "./annotate-ledger";
import { FillReader } from "./fill-record";
import { isRelType, OoxmlPackage, relsPathOf, ZipRefusedError } from "./ooxml-package";
import { restyleCells, type CellRestyle } from "./sheet-cells";
import { addNotes, NOTE_MARKER, type NoteText } from "./sheet-notes";
import { StylesPatch } from "./styles-patch";
import {
  addWorksheet,
  freeSheetName,
  MAIN_NS,
  REL_NS,
  sheetEntries,
  workbookPart,
  type SheetEntry,
} from "./workbook-parts";
import { xstring } from "./xml-scan";

/** Fill colours by severity as ARGB: the mark ledger's, so every host recognises its marks. */
export const MARK_FILL: Record<Severity, string> = {
  error: `FF${MARK_COLOR.error}`,
  warning: `FF${MARK_COLOR.warning}`,
  info: `FF${MARK_COLOR.info}`,
};

export const SUMMARY_SHEET = "校验结果";
export { NOTE_MARKER };

export interface AnnotateResult {
  /** Cells filled and noted. */
  readonly marked: number;
  /** What the input had that the copy could not keep, one Chinese sentence each (usually none). */
  readonly notKept: string[];
}

/**
 * The marked copy of the workbook `input` (xlsx bytes): each finding's cell filled by its most
 * severe finding with a note that says what to do, and a sheet listing every finding.
 */
export function annotateXlsxBytes(
  input: Uint8Array,
  findings: readonly Finding[],
): AnnotateResult & { bytes: Uint8Array } {
  try {
    const pkg = OoxmlPackage.read(input);
    const notKept = makeSaveableAsXlsx(pkg);
    const styles = new StylesPatch(pkg);
    const ledger = ledgerSheet(pkg);
    const { marked, entries } = markCells(pkg, styles, findings, ledger?.part);
    addSummarySheet(pkg, styles, findings, notKept);
    // After the summary sheet: a hidden sheet last keeps the visible sheets' order and indexes.
    writeLedger(pkg, mergeLedger(readLedger(pkg, ledger), entries), ledger, (rows) =>
      worksheetXml(rows, [{ width: 120 }]),
    );
    styles.commit();
    return { bytes: pkg.toBytes(), marked, notKept };
  } catch (error) {
    if (error instanceof ZipRefusedError) throw new AnnotateError(error.message, { cause: error });
    // The input was read before (check), so this is a part exceljs tolerated and we cannot edit.
    throw new AnnotateError(
      "工作簿的内部结构不完整，无法生成标注副本；请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试",
      { cause: error },
    );
  }
}

/** The input's package could not be edited; the message is one Chinese line for the user. */
export class AnnotateError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AnnotateError";
  }
}

/**
 * The copy's ledger: the input's own records (cells marked before, in Excel or WPS or by an earlier
 * annotate) come first and keep their "before", which is what clearing must restore; a cell marked
 * again keeps that first "before" and gets this run's mark.
 */
function mergeLedger(
  previous: readonly LedgerEntry[],
  added: readonly LedgerEntry[],
): LedgerEntry[] {
  const key = (entry: LedgerEntry) => `${entry.sheet}\u0000${entry.cell}`;
  const merged = new Map(previous.map((entry) => [key(entry), entry]));
  for (const entry of added) {
    const earlier = merged.get(key(entry));
    merged.set(
      key(entry),
      earlier ? { ...entry, before: earlier.before, beforeNote: earlier.beforeNote } : entry,
    );
  }
  return [...merged.values()];
}

function markCells(
  pkg: OoxmlPackage,
  styles: StylesPatch,
  findings: readonly Finding[],
  ledgerPart: string | undefined,
): { marked: number; entries: LedgerEntry[] } {
  const sheets = sheetEntries(pkg).filter(
    (sheet) => sheet.isWorksheet && sheet.part && sheet.part !== ledgerPart,
  );
  const fills = new FillReader(pkg, styles.originalXml);
  const entries: LedgerEntry[] = [];
  // One mark per cell (most severe fill, every message), planned as the Excel and WPS adapters
  // plan theirs, so a copy's marks read the same in every host.
  const bySheet = new Map<SheetEntry, Array<CellMark & { row: number; col: number }>>();
  for (const mark of planMarks(findings)) {
    const sheet = findSheet(sheets, mark.sheet);
    const at = fromA1(mark.cell);
    if (!sheet || !at) continue;
    const marks = bySheet.get(sheet) ?? [];
    marks.push({ ...mark, ...at });
    bySheet.set(sheet, marks);
  }

  let marked = 0;
  for (const [sheet, marks] of bySheet) {
    const part = sheet.part!;
    const formatBefore = new Map<string, number>();
    const restyles: CellRestyle[] = marks.map(({ row, col, color }) => ({
      row,
      col,
      style: (current: number) => {
        formatBefore.set(toA1(row, col), current);
        return styles.filled(current, `FF${color}`);
      },
    }));
    const notes: NoteText[] = marks.map(({ row, col, text }) => ({ row, col, text }));
    pkg.setText(part, restyleCells(pkg.text(part)!, restyles));
    const notesBefore = addNotes(pkg, part, notes);
    for (const mark of marks) {
      const address = toA1(mark.row, mark.col);
      entries.push({
        sheet: sheet.name,
        cell: address,
        before: fills.fillOf(formatBefore.get(address) ?? 0),
        beforeNote: notesBefore.get(address) ?? null,
        markColor: mark.color,
        markNote: mark.text,
      });
    }
    marked += marks.length;
  }
  return { marked, entries };
}

/** The sheet a finding names: exactly, else as Excel matches names (without case). */
function findSheet(sheets: readonly SheetEntry[], name: string): SheetEntry | undefined {
  return (
    sheets.find((sheet) => sheet.name === name) ??
    sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase())
  );
}

const SUMMARY_COLUMNS = [
  { head: "工作表", width: 24 },
  { head: "单元格", width: 10 },
  { head: "级别", width: 8 },
  { head: "规则", width: 26 },
  { head: "问题与处理建议", width: 80 },
];

function addSummarySheet(
  pkg: OoxmlPackage,
  styles: StylesPatch,
  findings: readonly Finding[],
  notKept: readonly string[],
): void {
  const bold = styles.bold();
  const wrapped = styles.wrapped();
  const rows: Array<Array<{ text: string; style?: number }>> = [
    SUMMARY_COLUMNS.map((column) => ({ text: column.head, style: bold })),
  ];
  for (const f of findings) {
    rows.push([
      { text: f.sheet },
      { text: f.cell },
      { text: SEVERITY_LABEL[f.severity] },
      { text: f.rule },
      { text: f.message, style: wrapped },
    ]);
  }
  if (findings.length === 0)
    rows.push([{ text: "" }, { text: "" }, { text: "" }, { text: "" }, { text: "未发现问题" }]);
  if (notKept.length > 0) {
    rows.push([]);
    rows.push([
      { text: "" },
      { text: "" },
      { text: "" },
      { text: "" },
      { text: "注意：标注副本未能保留原文件中的以下内容（原文件本身没有改动）：", style: bold },
    ]);
    for (const item of notKept)
      rows.push([
        { text: "" },
        { text: "" },
        { text: "" },
        { text: "" },
        { text: item, style: wrapped },
      ]);
  }
  addWorksheet(pkg, freeSheetName(pkg, SUMMARY_SHEET), worksheetXml(rows, SUMMARY_COLUMNS));
}

/** A worksheet part of text cells (inline strings: the shared string table stays untouched). */
export function worksheetXml(
  rows: ReadonlyArray<ReadonlyArray<{ text: string; style?: number }>>,
  columns: ReadonlyArray<{ width: number }>,
): string {
  const cols = columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
    .join("");
  const data = rows
    .map((cells, r) => {
      const xml = cells
        .map((cell, c) => {
          if (cell.text === "") return "";
          const style = cell.style === undefined ? "" : ` s="${cell.style}"`;
          return (
            `<c r="${toA1(r + 1, c + 1)}"${style} t="inlineStr">` +
            `<is><t xml:space="preserve">${xstring(cell.text)}</t></is></c>`
          );
        })
        .join("");
      return xml ? `<row r="${r + 1}">${xml}</row>` : "";
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS[0]}" xmlns:r="${REL_NS[0]}">` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${data}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `</worksheet>`
  );
}

const XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

/**
 * The copy is an .xlsx: a macro-enabled workbook loses its VBA project (Excel refuses an .xlsx that
 * declares macros), a template becomes a workbook, and a digital signature, which the edits would
 * break, is removed. Returns what was removed, in the user's words.
 */
function makeSaveableAsXlsx(pkg: OoxmlPackage): string[] {
  const notKept: string[] = [];
  const wbPart = workbookPart(pkg);
  const type = pkg.contentType(wbPart) ?? "";
  if (type !== XLSX_MAIN && /sheet|template/i.test(type)) pkg.setContentType(wbPart, XLSX_MAIN);
  const vba = pkg.relationships(wbPart).filter((rel) => isRelType(rel.type, "vbaProject"));
  if (vba.length > 0) {
    for (const rel of vba) {
      pkg.removeRelationship(wbPart, rel.id);
      if (rel.part) removePartTree(pkg, rel.part);
    }
    notKept.push("宏（VBA 代码）：.xlsx 文件不能带宏，标注副本中没有宏；原文件中的宏仍在");
  }
  const signatures = pkg.relationships("").filter((rel) => isRelType(rel.type, "origin"));
  if (signatures.length > 0) {
    for (const rel of signatures) {
      pkg.removeRelationship("", rel.id);
      if (rel.part) removePartTree(pkg, rel.part);
    }
    notKept.push("数字签名：标注副本改动了内容，原签名对它不再有效，已去掉；原文件的签名仍然有效");
  }
  return notKept;
}

/** A part, the parts it alone leads to (a VBA project's signature, a signature's XML) and rels. */
function removePartTree(pkg: OoxmlPackage, part: string): void {
  for (const rel of pkg.relationships(part)) if (rel.part) removePartTree(pkg, rel.part);
  pkg.remove(part);
  pkg.remove(relsPathOf(part));
  pkg.removeContentType(part);
}
