/**
 * A1 addresses as Office.js writes and accepts them: "A1", "A1:B4", "Sheet1!A1:B4",
 * "'My Sheet'!A1", whole columns "A:C" and whole rows "2:5". Rows and columns are 1-based here.
 */
import { columnLetter } from "../../src/core/grid";

/** Excel's grid limits. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetAddress {
  /** The sheet named before "!", if any (quotes removed). */
  sheet?: string;
  rect: Rect;
}

function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

/** Parses one area; throws on anything Excel would reject as an address. */
export function parseAddress(address: string): SheetAddress {
  let text = address.trim();
  let sheet: string | undefined;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    text = text.slice(bang + 1);
    if (sheet.startsWith("'") && sheet.endsWith("'"))
      sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const rect = parseRect(text);
  if (!rect) throw new Error(`Invalid address: ${address}`);
  return sheet === undefined ? { rect } : { sheet, rect };
}

function parseRect(text: string): Rect | undefined {
  const parts = text.replace(/\$/g, "").toUpperCase().split(":");
  if (parts.length > 2) return undefined;
  const [a, b = a] = parts;
  const cell = /^([A-Z]{1,3})(\d+)$/;
  const col = /^([A-Z]{1,3})$/;
  const row = /^(\d+)$/;
  let rect: Rect | undefined;
  let m1: RegExpExecArray | null;
  let m2: RegExpExecArray | null;
  if ((m1 = cell.exec(a)) && (m2 = cell.exec(b))) {
    rect = {
      top: Number(m1[2]),
      left: columnNumber(m1[1]),
      bottom: Number(m2[2]),
      right: columnNumber(m2[1]),
    };
  } else if (parts.length === 2 && (m1 = col.exec(a)) && (m2 = col.exec(b))) {
    rect = { top: 1, left: columnNumber(m1[1]), bottom: MAX_ROWS, right: columnNumber(m2[1]) };
  } else if (parts.length === 2 && (m1 = row.exec(a)) && (m2 = row.exec(b))) {
    rect = { top: Number(m1[1]), left: 1, bottom: Number(m2[1]), right: MAX_COLS };
  }
  if (!rect) return undefined;
  const ordered = {
    top: Math.min(rect.top, rect.bottom),
    bottom: Math.max(rect.top, rect.bottom),
    left: Math.min(rect.left, rect.right),
    right: Math.max(rect.left, rect.right),
  };
  if (
    ordered.top < 1 ||
    ordered.left < 1 ||
    ordered.bottom > MAX_ROWS ||
    ordered.right > MAX_COLS
  ) {
    return undefined;
  }
  return ordered;
}

/** "A1" for one cell, "A1:B4" otherwise (whole rows/columns as Excel writes them: "2:5", "A:C"). */
export function rectToA1(rect: Rect): string {
  if (rect.top === 1 && rect.bottom === MAX_ROWS) {
    return `${columnLetter(rect.left)}:${columnLetter(rect.right)}`;
  }
  if (rect.left === 1 && rect.right === MAX_COLS) return `${rect.top}:${rect.bottom}`;
  const first = `${columnLetter(rect.left)}${rect.top}`;
  if (rect.top === rect.bottom && rect.left === rect.right) return first;
  return `${first}:${columnLetter(rect.right)}${rect.bottom}`;
}

/**
 * A sheet name as Excel writes it in an address: quoted when it holds anything but letters, digits,
 * underscores and dots, starts with a digit, or could be read as a cell reference.
 */
export function quoteSheetName(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^R\d*C\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sheetAddress(sheet: string, rect: Rect): string {
  return `${quoteSheetName(sheet)}!${rectToA1(rect)}`;
}

export function rectRows(rect: Rect): number {
  return rect.bottom - rect.top + 1;
}

export function rectCols(rect: Rect): number {
  return rect.right - rect.left + 1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    outer.top <= inner.top &&
    outer.left <= inner.left &&
    outer.bottom >= inner.bottom &&
    outer.right >= inner.right
  );
}
