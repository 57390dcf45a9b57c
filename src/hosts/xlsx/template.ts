import type ExcelJS from "exceljs";
import { fromA1, toA1 } from "../../core/grid";
import type { CellStyle, TemplateCell, TemplateSpec } from "../../core/templates/spec";

/**
 * Renders a template spec into a new worksheet of an exceljs workbook. The sheet gets a name not yet
 * used in the workbook (an existing sheet is never overwritten), formulas are written without a
 * cached result and the workbook is marked to recalculate on open, so Excel, WPS and LibreOffice show
 * computed values at once.
 */
export async function renderTemplate(
  workbook: ExcelJS.Workbook,
  spec: TemplateSpec,
): Promise<ExcelJS.Worksheet> {
  const name = uniqueSheetName(
    workbook.worksheets.map((sheet) => sheet.name),
    spec.sheetName,
  );
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "normal", showGridLines: false, activeCell: spec.firstInput }],
  });

  spec.columnWidths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  for (const [row, height] of Object.entries(spec.rowHeights)) {
    sheet.getRow(Number(row)).height = height;
  }

  const byAddress = new Map(spec.cells.map((cell) => [cell.address, cell]));
  for (const cell of spec.cells) {
    const target = sheet.getCell(cell.address);
    if (cell.formula !== undefined) {
      target.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
    } else if (cell.value !== undefined) {
      target.value = cell.value;
    }
    applyStyle(target, spec.styles[cell.role], cell.numFmt);
  }

  // A merged range prints its border from every cell it covers, so each gets the master's style.
  for (const range of spec.merges) {
    const [from, to] = range.split(":");
    const start = fromA1(from ?? "");
    const end = fromA1(to ?? "");
    if (!start || !end) throw new Error(`模板合并区域无效：${range}`);
    const master = byAddress.get(from ?? "");
    if (master) {
      for (let row = start.row; row <= end.row; row++) {
        for (let col = start.col; col <= end.col; col++) {
          const address = toA1(row, col);
          if (address !== master.address) {
            applyStyle(sheet.getCell(address), spec.styles[master.role], master.numFmt);
          }
        }
      }
    }
    sheet.mergeCells(range);
  }

  for (const validation of spec.validations) {
    const rule: ExcelJS.DataValidation =
      validation.type === "list"
        ? {
            type: "list",
            allowBlank: true,
            formulae: [`"${validation.list.join(",")}"`],
            showErrorMessage: true,
            errorStyle: "stop",
            errorTitle: "请从列表中选择",
            error: validation.error,
          }
        : {
            type: "decimal",
            operator: "between",
            allowBlank: true,
            formulae: [validation.min, validation.max],
            showErrorMessage: true,
            errorStyle: "stop",
            errorTitle: "数值超出范围",
            error: validation.error,
          };
    forEachCell(validation.range, (address) => {
      sheet.getCell(address).dataValidation = rule;
    });
  }

  const { print } = spec;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToWidth,
    // 0 = as many pages tall as the rows need: the form never shrinks to an unreadable size.
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { ...print.margins, header: 0.3, footer: 0.3 },
    ...(print.printTitleRows ? { printTitlesRow: print.printTitleRows } : {}),
  };

  if (spec.protect) {
    // No password: the lock only guards formulas against accidental typing, it keeps no secret.
    // Resizing rows and columns stays allowed so long text can be made visible, and inserting rows
    // so a form with more indicators than the template's rows can grow (SUM ranges follow).
    await sheet.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      insertRows: true,
    });
  }
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  return sheet;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle, numFmt: TemplateCell["numFmt"]): void {
  // charset 134 (GB2312) tells Excel and WPS the font is a Chinese one.
  cell.font = { name: style.fontName, size: style.fontSize, bold: style.bold, charset: 134 };
  cell.alignment = {
    horizontal: style.horizontal,
    vertical: style.vertical === "top" ? "top" : "middle",
    wrapText: style.wrap,
  };
  if (style.fill) {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: style.fill } };
  }
  if (style.border) {
    const thin: ExcelJS.Border = { style: "thin", color: { argb: "FF000000" } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  cell.protection = { locked: style.locked };
  if (numFmt) cell.numFmt = numFmt;
}

function forEachCell(range: string, visit: (address: string) => void): void {
  const [from, to = from] = range.split(":");
  const start = fromA1(from ?? "");
  const end = fromA1(to ?? "");
  if (!start || !end) throw new Error(`模板区域无效：${range}`);
  for (let row = start.row; row <= end.row; row++) {
    for (let col = start.col; col <= end.col; col++) visit(toA1(row, col));
  }
}

/** Sheet names are at most 31 characters and compared case-insensitively by Excel. */
const MAX_SHEET_NAME = 31;

/** `base`, else `base (2)`, `base (3)`, … — the first name no existing sheet has. */
export function uniqueSheetName(existing: readonly string[], base: string): string {
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  const clean = base.replace(/[*?:/\\[\]]/g, "").slice(0, MAX_SHEET_NAME) || "绩效自评表";
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = clean.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
