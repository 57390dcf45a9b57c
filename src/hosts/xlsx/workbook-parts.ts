// The workbook part of an .xlsx package: which sheet lives in which part, and adding a sheet.
import { isRelType, type OoxmlPackage } from "./ooxml-package";
import {
  appendChildren,
  applyEdits,
  attr,
  escapeXml,
  firstChild,
  prefixFor,
  prefixOf,
  rootElement,
  startTag,
  children,
  XmlStructureError,
} from "./xml-scan";

export const MAIN_NS = [
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
];
export const REL_NS = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
];
const WORKSHEET_REL =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WORKSHEET_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetEntry {
  readonly name: string;
  /** Zip path of the sheet's part; undefined when the relationship leads nowhere. */
  readonly part: string | undefined;
  /** True for a worksheet (not a chart sheet, dialog or macro sheet). */
  readonly isWorksheet: boolean;
}

/** Zip path of the workbook part (xl/workbook.xml in nearly every file). */
export function workbookPart(pkg: OoxmlPackage): string {
  const rel = pkg.relationships("").find((r) => isRelType(r.type, "officeDocument"));
  if (!rel?.part || !pkg.has(rel.part)) throw new XmlStructureError("no workbook part");
  return rel.part;
}

export function sheetEntries(pkg: OoxmlPackage): SheetEntry[] {
  const part = workbookPart(pkg);
  const xml = pkg.text(part)!;
  const root = rootElement(xml);
  const relPrefix = prefixFor(startTag(xml, root), REL_NS) ?? "r:";
  const rels = pkg.relationships(part);
  const sheets = firstChild(xml, root, "sheets");
  if (!sheets) return [];
  return children(xml, sheets)
    .filter((el) => el.local === "sheet")
    .map((el) => {
      const tag = startTag(xml, el);
      const rel = rels.find((r) => r.id === attr(tag, `${relPrefix}id`));
      return {
        name: attr(tag, "name") ?? "",
        part: rel?.part,
        isWorksheet: !!rel && isRelType(rel.type, "worksheet"),
      };
    });
}

/** A sheet name not yet in the workbook (Excel compares sheet names without case). */
export function freeSheetName(pkg: OoxmlPackage, wanted: string): string {
  const taken = new Set(sheetEntries(pkg).map((sheet) => sheet.name.toLowerCase()));
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}${n}`;
  return name;
}

/**
 * Adds a worksheet after the last sheet: its part, the workbook's relationship and <sheet> entry,
 * and its content type. Everything else in the workbook part stays as it was.
 */
export function addWorksheet(
  pkg: OoxmlPackage,
  name: string,
  sheetXml: string,
  state: SheetState = "visible",
): string {
  const wbPart = workbookPart(pkg);
  const folder = wbPart.slice(0, wbPart.lastIndexOf("/") + 1);
  const part = pkg.freePartName(`${folder}worksheets/sheet#.xml`);
  pkg.setText(part, sheetXml);
  pkg.setContentType(part, WORKSHEET_CONTENT_TYPE);
  const relId = pkg.addRelationship(wbPart, WORKSHEET_REL, part);

  const xml = pkg.text(wbPart)!;
  const root = rootElement(xml);
  const sheets = firstChild(xml, root, "sheets");
  if (!sheets) throw new XmlStructureError("workbook without <sheets>");
  const entries = children(xml, sheets).filter((el) => el.local === "sheet");
  const sheetId =
    Math.max(0, ...entries.map((el) => Number(attr(startTag(xml, el), "sheetId")) || 0)) + 1;
  const relPrefix = prefixFor(startTag(xml, root), REL_NS);
  // Without a prefix for the relationships namespace on the root, declare one on the element.
  const idAttr =
    relPrefix === undefined || relPrefix === ""
      ? `xmlns:r="${REL_NS[0]}" r:id="${relId}"`
      : `${relPrefix}id="${relId}"`;
  const stateAttr = state === "visible" ? "" : ` state="${state}"`;
  const element = `<${prefixOf(sheets)}sheet name="${escapeXml(name)}" sheetId="${sheetId}"${stateAttr} ${idAttr}/>`;
  pkg.setText(wbPart, applyEdits(xml, appendChildren(xml, sheets, element)));
  return part;
}
