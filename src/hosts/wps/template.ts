/**
 * Renders a template spec (src/core/templates) into a new sheet through the ET object model, as
 * the Excel adapter's template.ts does with Office.js and src/hosts/xlsx/template.ts with exceljs:
 * values, en-US formulas (`Formula`), merges, fonts, fills (BGR), borders, number formats, column
 * widths (characters, as the spec states them), row heights, dropdowns and number ranges
 * (`Validation.Add`), protection without a password with the input cells unlocked, A4 print setup.
 * Never overwrites: the sheet gets a name no sheet has yet (`Sheets.Add`, then `.Name =`).
 */
import type { CellStyle, TemplateCell, TemplateSpec } from "../../core/templates/spec";
import { columnLetter } from "../../core/grid";
import {
  absoluteRows,
  borderLines,
  paintCellsAndMerges,
  type BorderLine,
} from "../shared/template-layout";
import { uniqueSheetName } from "../xlsx/template";
import type { WpsEnv } from "./env";
import { hexToBgr } from "./fill";
import { protectSheet, DEFAULT_OPTIONS } from "./protection";
import { SheetIndex, addSheet, deleteSheet } from "./sheets";
import { activeWorkbook } from "./env";

/** The ET constants used below (the et-jsapi-declare enums exist only as types). */
const XL = {
  left: -4131,
  center: -4108,
  right: -4152,
  top: -4160,
  continuous: 1,
  thin: 2,
  solid: 1,
  validateList: 3,
  validateDecimal: 2,
  alertStop: 1,
  between: 1,
  paperA4: 9,
  portrait: 1,
  landscape: 2,
} as const;

const BORDER_INDEX: Record<BorderLine, number> = {
  top: 8,
  bottom: 9,
  left: 7,
  right: 10,
  insideHorizontal: 12,
  insideVertical: 11,
};

export function renderTemplateSheet(env: WpsEnv, spec: TemplateSpec): string {
  const workbook = activeWorkbook(env);
  const name = uniqueSheetName(new SheetIndex(workbook).names, spec.sheetName);
  const sheet = addSheet(workbook, name);
  try {
    drawSheet(env, sheet, spec);
  } catch (error) {
    // A half-drawn sheet is worse than none: take it away, then report the failure.
    try {
      deleteSheet(env.Application, sheet);
    } catch {
      // The failure being reported is the drawing's.
    }
    throw error;
  }
  return name;
}

function drawSheet(env: WpsEnv, sheet: Et.Worksheet, spec: TemplateSpec): void {
  spec.columnWidths.forEach((width, i) => {
    sheet.Range(`${columnLetter(i + 1)}1`).ColumnWidth = width;
  });
  for (const [row, height] of Object.entries(spec.rowHeights)) {
    sheet.Range(`A${row}`).RowHeight = height;
  }

  paintCellsAndMerges<Et.Range>(spec, {
    range: (address) => sheet.Range(address),
    style: applyStyle,
    formula: (range, formula) => (range.Formula = formula),
    value: (range, value) => (range.Value2 = value as string),
    merge: (range) => range.Merge(false),
  });

  for (const validation of spec.validations) {
    const rule = sheet.Range(validation.range).Validation;
    rule.Delete();
    if (validation.type === "list") {
      rule.Add(XL.validateList, XL.alertStop, XL.between, validation.list.join(","));
      rule.InCellDropdown = true;
      rule.ErrorTitle = "请从列表中选择";
    } else {
      rule.Add(
        XL.validateDecimal,
        XL.alertStop,
        XL.between,
        String(validation.min),
        String(validation.max),
      );
      rule.ErrorTitle = "数值超出范围";
    }
    rule.ErrorMessage = validation.error;
    rule.ShowError = true;
    rule.IgnoreBlank = true;
  }

  const { print } = spec;
  const page = sheet.PageSetup;
  page.PaperSize = XL.paperA4;
  page.Orientation = print.orientation === "landscape" ? XL.landscape : XL.portrait;
  // One page wide, as many tall as the rows need (the form never shrinks to unreadable): Zoom off,
  // FitToPagesTall false.
  page.Zoom = false;
  page.FitToPagesWide = print.fitToWidth;
  page.FitToPagesTall = false;
  page.CenterHorizontally = true;
  // The spec's margins are inches (as in the file format); PageSetup's are points.
  page.LeftMargin = print.margins.left * 72;
  page.RightMargin = print.margins.right * 72;
  page.TopMargin = print.margins.top * 72;
  page.BottomMargin = print.margins.bottom * 72;
  if (print.printTitleRows) page.PrintTitleRows = absoluteRows(print.printTitleRows);

  if (spec.protect) {
    // No password: the lock only guards formulas against accidental typing, it keeps no secret.
    // Resizing rows and columns stays allowed so long text can be made visible, and inserting rows
    // so a form with more indicators than the template's rows can grow (SUM ranges follow).
    protectSheet(sheet, {
      ...DEFAULT_OPTIONS,
      allowFormattingColumns: true,
      allowFormattingRows: true,
      allowInsertingRows: true,
    });
  }
  sheet.Activate();
  hideGridlines(env);
  sheet.Range(spec.firstInput).Select();
}

/** The new sheet is the active one: its window stops drawing gridlines, as the other hosts do. */
function hideGridlines(env: WpsEnv): void {
  const window = env.Application.ActiveWindow as Et.Window | null | undefined;
  if (window) window.DisplayGridlines = false;
}

function applyStyle(
  range: Et.Range,
  style: CellStyle,
  numFmt: TemplateCell["numFmt"],
  rows: number,
  cols: number,
): void {
  const font = range.Font;
  font.Name = style.fontName;
  font.Size = style.fontSize;
  font.Bold = style.bold;
  range.HorizontalAlignment =
    style.horizontal === "left" ? XL.left : style.horizontal === "right" ? XL.right : XL.center;
  range.VerticalAlignment = style.vertical === "top" ? XL.top : XL.center;
  range.WrapText = style.wrap;
  if (style.fill) {
    const interior = range.Interior;
    interior.Pattern = XL.solid;
    interior.Color = hexToBgr(style.fill.slice(-6));
  }
  if (style.border) {
    const borders = range.Borders;
    for (const line of borderLines(rows, cols)) {
      const border = borders.Item(BORDER_INDEX[line] as Et.XlBordersIndex);
      border.LineStyle = XL.continuous;
      border.Weight = XL.thin;
      border.Color = 0;
    }
  }
  range.Locked = style.locked;
  if (numFmt) range.NumberFormat = numFmt;
}
