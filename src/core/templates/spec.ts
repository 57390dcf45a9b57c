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

export interface TemplateValidation {
  /** A1 range the dropdown applies to, e.g. "A14:A30". */
  range: string;
  /** The allowed values, shown as a dropdown. */
  list: readonly string[];
  /** Chinese message when something else is typed. */
  error: string;
}

export interface PrintSetup {
  paperSize: "A4";
  orientation: "portrait" | "landscape";
  /** Fit all columns on one page width; rows flow onto more pages if needed. */
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
  note: { ...base, fontSize: 9, border: false, horizontal: "left", vertical: "top" },
};
