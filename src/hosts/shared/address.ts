/**
 * Addresses as Office.js and the ET object model write them: "Sheet1!A1:B4", "'My Sheet'!D1", and RangeAreas lists such
 * as "Sheet1!A1:B4, Sheet1!D1:D4". Sheet names with spaces or punctuation are quoted, a quote in
 * the name is doubled.
 */
import { fromA1, type CellRange } from "../../core/grid";
import { HostError } from "../types";

/** `'My Sheet'!A1` style reference to a cell or range on a sheet. */
export function sheetAddress(sheet: string, address: string): string {
  return `${quoteSheetName(sheet)}!${address}`;
}

export function quoteSheetName(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

export interface SheetRange {
  sheet: string | undefined;
  range: CellRange;
}

/**
 * Splits a RangeAreas address into its areas. A sheet name may itself hold commas or "!" when
 * quoted, so this walks the text instead of splitting on ", ". Parts that are not a cell or a
 * rectangle of cells (whole rows or columns) are left out.
 */
export function parseAreas(address: string): SheetRange[] {
  const areas: SheetRange[] = [];
  let i = 0;
  const text = address.trim();
  while (i < text.length) {
    while (text[i] === " " || text[i] === ",") i++;
    if (i >= text.length) break;
    let sheet: string | undefined;
    if (text[i] === "'") {
      let name = "";
      i++;
      while (i < text.length) {
        if (text[i] === "'" && text[i + 1] === "'") {
          name += "'";
          i += 2;
        } else if (text[i] === "'") {
          i++;
          break;
        } else name += text[i++];
      }
      sheet = name;
      if (text[i] === "!") i++;
    } else {
      const bang = text.indexOf("!", i);
      const comma = text.indexOf(",", i);
      if (bang >= 0 && (comma < 0 || bang < comma)) {
        sheet = text.slice(i, bang);
        i = bang + 1;
      }
    }
    let end = text.indexOf(",", i);
    if (end < 0) end = text.length;
    const range = parseRange(text.slice(i, end));
    if (range) areas.push({ sheet, range });
    i = end;
  }
  return areas;
}

/** "A1:B4" or "A1" (with or without $) into a 1-based range. */
export function parseRange(text: string): CellRange | undefined {
  const [from, to = from] = text.trim().split(":");
  const start = fromA1(from ?? "");
  const end = fromA1(to ?? "");
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/** A1 address of a single cell, upper case, without $; undefined for anything else. */
export function normalizeCell(cell: string): string | undefined {
  const at = fromA1(cell);
  if (!at || at.row < 1 || at.col < 1 || at.row > 1_048_576 || at.col > 16_384) return undefined;
  return cell.replace(/\$/g, "").trim().toUpperCase();
}

/** normalizeCell, or a HostError the pane shows when the address is not one cell. */
export function checkedCell(cell: string): string {
  const normalized = normalizeCell(cell);
  if (!normalized) throw new HostError(`单元格地址“${cell}”无效；请重新校验后再试。`);
  return normalized;
}
