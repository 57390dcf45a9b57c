/**
 * Templates as data: everything a host needs to draw a blank form (cells, merges, styles, number
 * formats, dropdowns, formulas, sizes, print setup). Each host adapter renders the same spec; the
 * engine never touches a spreadsheet API. Addresses are A1 on a fresh sheet (the form starts at A1).
 */

/** Named cell styles, so hosts map a few roles rather than hundreds of ad-hoc formats. */
export type StyleRole =
  | "title"
  | "subtitle"
  | "label"
  | "header"
  | "input"
  | "inputText"
  | "computed"
  | "fixed"
  | "text"
  | "note";

export interface CellStyle {
  fontName: string;
  fontSize: number;
  bold: boolean;
  /** ARGB fill, e.g. "FFFFF2CC" for input cells; undefined = no fill. */
  fill?: string;
  horizontal: "left" | "center" | "right";
  vertical: "top" | "middle";
  wrap: boolean;
  border: boolean;
  /** Locked cells cannot be edited once the sheet is protected; inputs are unlocked. */
  locked: boolean;
}

export interface TemplateCell {
  address: string;
  role: StyleRole;
  /** A constant: label text or a fixed number (分值 10). */
  value?: string | number;
  /** A native spreadsheet formula without the leading "=". Only functions Excel and WPS share. */
  formula?: string;
  numFmt?: string;
}

/** A dropdown of allowed values. */
export interface ListValidation {
  type: "list";
  /** A1 range the dropdown applies to, e.g. "A14:A30". */
  range: string;
  /** The allowed values, shown as a dropdown (joined, they must stay under 255 characters). */
  list: readonly string[];
  /** Chinese message when something else is typed. */
  error: string;
}

/** A number between min and max inclusive (e.g. a 自评得分 within its 参考分值). */
export interface DecimalValidation {
  type: "decimal";
  range: string;
  min: number;
  max: number;
  error: string;
}

export type TemplateValidation = ListValidation | DecimalValidation;

export interface PrintSetup {
  paperSize: "A4";
  orientation: "portrait" | "landscape";
  /** Fit all columns on one page width; rows flow onto more pages if needed (fitToHeight 0). */
  fitToWidth: 1;
  margins: { left: number; right: number; top: number; bottom: number };
  /** Rows repeated at the top of each printed page, e.g. "1:2"; undefined = none. */
  printTitleRows?: string;
}

export interface TemplateSpec {
  kind: string;
  /** Suggested sheet name; hosts make it unique in the target workbook. */
  sheetName: string;
  styles: Record<StyleRole, CellStyle>;
  /** Width of each column in characters, from column A. */
  columnWidths: readonly number[];
  /** Row heights in points, by 1-based row; rows not listed keep the host's default. */
  rowHeights: Readonly<Record<number, number>>;
  cells: readonly TemplateCell[];
  merges: readonly string[];
  validations: readonly TemplateValidation[];
  print: PrintSetup;
  /** Protect the sheet without a password, so computed cells are locked but nothing is secret. */
  protect: boolean;
  /** The address of the first cell a user should fill, for hosts that select it after inserting. */
  firstInput: string;
}

/** Fonts installed with both Microsoft Office and WPS on Windows, and mapped by WPS on Linux. */
export const TEMPLATE_FONT = "宋体";

const base = {
  fontName: TEMPLATE_FONT,
  fontSize: 10,
  bold: false,
  horizontal: "center",
  vertical: "middle",
  wrap: true,
  border: true,
  locked: true,
} as const;

/** Inputs are pale yellow, computed cells pale grey: a clerk sees at once what to type. */
export const DEFAULT_STYLES: Record<StyleRole, CellStyle> = {
  title: { ...base, fontName: "黑体", fontSize: 16, bold: true, border: false, wrap: false },
  subtitle: { ...base, fontSize: 11, border: false, wrap: false },
  label: { ...base },
  header: { ...base, bold: true, fill: "FFD9E1F2" },
  input: { ...base, fill: "FFFFF2CC", horizontal: "right", locked: false },
  inputText: { ...base, fill: "FFFFF2CC", horizontal: "left", vertical: "top", locked: false },
  computed: { ...base, fill: "FFEDEDED", horizontal: "right" },
  fixed: { ...base },
  text: { ...base, horizontal: "left" },
  note: { ...base, fontSize: 9, border: false, horizontal: "left", vertical: "top" },
};

/** Points per line of 10-point text, with the cell's padding. */
const LINE_HEIGHT = 13.5;

/**
 * Display width of text in column-width units (the width of "0"): CJK characters take about two.
 * Used to size rows of wrapped text, because Excel does not fit row heights on open.
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return width;
}

/**
 * The height in points a row needs so wrapped text of this width fits a cell `columnWidth` wide
 * (several columns' widths added when merged). Never less than one line.
 */
export function rowHeightFor(text: string, columnWidth: number, fontSize = 10): number {
  const usable = Math.max(1, columnWidth - 1);
  const lines = text
    .split("\n")
    .reduce((sum, part) => sum + Math.max(1, Math.ceil(textWidth(part) / usable)), 0);
  return Math.ceil(lines * LINE_HEIGHT * (fontSize / 10) + 4);
}
