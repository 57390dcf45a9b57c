// What the reader needs from styles.xml: each cell format's number format code, and whether that
// code shows a date (the stored serial number is then read as a date, as exceljs did).
import { isDateFormat } from "numfmt";
import { CLOSE, END, OPEN, XmlTokens } from "./xml-tokens";

/** A cell format (<xf> in <cellXfs>, indexed by a cell's s=""), as the reader uses it. */
export interface CellStyle {
  /** The number format code; undefined for General. */
  readonly numFmt: string | undefined;
  readonly isDate: boolean;
}

const GENERAL: CellStyle = { numFmt: undefined, isDate: false };

/**
 * Built-in formats that have one code in every locale (ECMA-376 §18.8.30), as exceljs maps them;
 * locale-dependent ids (27–36, 50–58) have no code without the file's locale and read as General.
 */
const BUILT_IN: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

function dateFormat(code: string): boolean {
  try {
    return isDateFormat(code);
  } catch {
    return false;
  }
}

/** The cell formats of a styles part, in order; an absent part means every cell is General. */
export function readCellStyles(xml: string | undefined): CellStyle[] {
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  const tokens = new XmlTokens(xml);
  let inCellXfs = false;
  for (let token = tokens.next(); token !== END; token = tokens.next()) {
    if (token === OPEN) {
      const name = tokens.name;
      if (name === "numFmt") {
        const id = Number(tokens.attr("numFmtId"));
        const code = tokens.attr("formatCode");
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (name === "cellXfs") {
        inCellXfs = !tokens.selfClosing;
      } else if (name === "xf" && inCellXfs) {
        xfIds.push(Number(tokens.attr("numFmtId") ?? 0) || 0);
      }
    } else if (token === CLOSE && tokens.name === "cellXfs") {
      inCellXfs = false;
    }
  }
  const byId = new Map<number, CellStyle>();
  return xfIds.map((id) => {
    let style = byId.get(id);
    if (!style) {
      // exceljs read a format id of 0 as no format at all, whatever the file said it was.
      const code = id === 0 ? undefined : (custom.get(id) ?? BUILT_IN[id]);
      style =
        code === undefined || /^general$/i.test(code)
          ? GENERAL
          : { numFmt: code, isDate: dateFormat(code) };
      byId.set(id, style);
    }
    return style;
  });
}

export { GENERAL as GENERAL_STYLE };
