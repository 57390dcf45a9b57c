/**
 * Renders a template spec (src/core/templates) into a new sheet with Office.js, as
 * src/hosts/xlsx/template.ts does with exceljs: values, en-US formulas, merges, fonts, fills,
 * borders, number formats, column widths, row heights, dropdowns and number ranges, protection
 * with the input cells unlocked, A4 print setup. Never overwrites: the sheet gets a name no sheet
 * has yet (Excel's own "名称 (2)" style). Three syncs: the names in use, the sheet, events back on.
 */
import type { CellStyle, TemplateCell, TemplateSpec } from "../../core/templates/spec";
import {
  absoluteRows,
  borderLines,
  paintCellsAndMerges,
  type BorderLine,
} from "../shared/template-layout";
import type { ExcelFeatures } from "./env";
import { charactersToPoints, sheetNames, uniqueSheetName, withEventsOff } from "./sheets";

/** RangeBorderCollection.getItem's string form (Excel.BorderIndex is an enum of the same names). */
type BorderName =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

const BORDER_INDEX: Record<BorderLine, BorderName> = {
  top: "EdgeTop",
  bottom: "EdgeBottom",
  left: "EdgeLeft",
  right: "EdgeRight",
  insideHorizontal: "InsideHorizontal",
  insideVertical: "InsideVertical",
};

export async function renderTemplateSheet(
  context: Excel.RequestContext,
  features: ExcelFeatures,
  spec: TemplateSpec,
): Promise<string> {
  const name = uniqueSheetName(await sheetNames(context), spec.sheetName);
  return withEventsOff(context, features, async () => {
    const sheet = context.workbook.worksheets.add(name);
    try {
      drawSheet(sheet, features, spec);
      await context.sync();
    } catch (error) {
      // A half-drawn sheet is worse than none: take it away, then report the failure.
      sheet.delete();
      await context.sync().catch(() => undefined);
      throw error;
    }
    return name;
  });
}

function drawSheet(sheet: Excel.Worksheet, features: ExcelFeatures, spec: TemplateSpec): void {
  spec.columnWidths.forEach((width, i) => {
    sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = charactersToPoints(width);
  });
  for (const [row, height] of Object.entries(spec.rowHeights)) {
    sheet.getRange(`${row}:${row}`).format.rowHeight = height;
  }

  paintCellsAndMerges<Excel.Range>(spec, {
    range: (address) => sheet.getRange(address),
    style: applyStyle,
    formula: (range, formula) => (range.formulas = [[formula]]),
    value: (range, value) => (range.values = [[value]]),
    merge: (range) => range.merge(false),
  });

  // Dropdowns and number ranges need ExcelApi 1.8; capabilities() says they are left out below it.
  if (features.validation) {
    for (const validation of spec.validations) {
      const data = sheet.getRange(validation.range).dataValidation;
      if (validation.type === "list") {
        data.rule = { list: { inCellDropDown: true, source: validation.list.join(",") } };
        data.errorAlert = {
          showAlert: true,
          style: "Stop",
          title: "请从列表中选择",
          message: validation.error,
        };
      } else {
        data.rule = {
          decimal: { operator: "Between", formula1: validation.min, formula2: validation.max },
        };
        data.errorAlert = {
          showAlert: true,
          style: "Stop",
          title: "数值超出范围",
          message: validation.error,
        };
      }
      data.ignoreBlanks = true;
    }
    sheet.showGridlines = false;
  }

  // Page setup needs ExcelApi 1.9; capabilities() says it is left out below it.
  if (features.pageLayout) {
    const { print } = spec;
    const layout = sheet.pageLayout;
    layout.paperSize = "A4";
    layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    // One page wide, as many tall as the rows need (the form never shrinks to unreadable).
    layout.zoom = { horizontalFitToPages: print.fitToWidth, verticalFitToPages: 0 };
    layout.centerHorizontally = true;
    // The spec's margins are inches (as in the file format); PageLayout's are points.
    layout.leftMargin = print.margins.left * 72;
    layout.rightMargin = print.margins.right * 72;
    layout.topMargin = print.margins.top * 72;
    layout.bottomMargin = print.margins.bottom * 72;
    if (print.printTitleRows) layout.setPrintTitleRows(absoluteRows(print.printTitleRows));
  }

  if (spec.protect) {
    // No password: the lock only guards formulas against accidental typing, it keeps no secret.
    // Resizing rows and columns stays allowed so long text can be made visible, and inserting rows
    // so a form with more indicators than the template's rows can grow (SUM ranges follow).
    sheet.protection.protect({
      allowFormatColumns: true,
      allowFormatRows: true,
      allowInsertRows: true,
      selectionMode: "Normal",
    });
  }
  sheet.activate();
  sheet.getRange(spec.firstInput).select();
}

function applyStyle(
  range: Excel.Range,
  style: CellStyle,
  numFmt: TemplateCell["numFmt"],
  rows: number,
  cols: number,
): void {
  const format = range.format;
  format.font.name = style.fontName;
  format.font.size = style.fontSize;
  format.font.bold = style.bold;
  format.horizontalAlignment =
    style.horizontal === "left" ? "Left" : style.horizontal === "right" ? "Right" : "Center";
  format.verticalAlignment = style.vertical === "top" ? "Top" : "Center";
  format.wrapText = style.wrap;
  if (style.fill) format.fill.color = `#${style.fill.slice(-6)}`;
  if (style.border) {
    for (const line of borderLines(rows, cols)) {
      const border = format.borders.getItem(BORDER_INDEX[line]);
      border.style = "Continuous";
      border.weight = "Thin";
      border.color = "#000000";
    }
  }
  format.protection.locked = style.locked;
  if (numFmt) range.numberFormat = Array.from({ length: rows }, () => Array(cols).fill(numFmt));
}
