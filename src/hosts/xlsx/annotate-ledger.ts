// The mark ledger in an annotated copy (src/hosts/marks/ledger.ts): the same very hidden sheet the
// Excel and WPS adapters write, so a copy a reviewer annotated and sent back is cleared in Excel or
// WPS with one click. A copy of a workbook that already carried marks keeps their records: the
// cell's first "before" is the one to restore.
import { LEDGER_SHEET, decodeLedger, encodeLedger, type LedgerEntry } from "../marks/ledger";
import { fromA1 } from "../../core/grid";
import { isRelType, type OoxmlPackage } from "./ooxml-package";
import { addWorksheet, sheetEntries, workbookPart, type SheetEntry } from "./workbook-parts";
import { attr, children, firstChild, rootElement, startTag, unescapeXml } from "./xml-scan";

/** The ledger sheet of the package, if it has one. */
export function ledgerSheet(pkg: OoxmlPackage): SheetEntry | undefined {
  return sheetEntries(pkg).find((sheet) => sheet.name === LEDGER_SHEET && sheet.part);
}

/** The entries an existing ledger sheet holds (none when there is no ledger or it is not ours). */
export function readLedger(pkg: OoxmlPackage, sheet: SheetEntry | undefined): LedgerEntry[] {
  if (!sheet?.part) return [];
  const xml = pkg.text(sheet.part);
  if (!xml) return [];
  const column: string[] = [];
  const shared = sharedStrings(pkg);
  const sheetData = firstChild(xml, rootElement(xml), "sheetData");
  let rowIndex = 0;
  for (const row of sheetData ? children(xml, sheetData) : []) {
    if (row.local !== "row") continue;
    rowIndex = Number(attr(startTag(xml, row), "r")) || rowIndex + 1;
    for (const cell of children(xml, row)) {
      if (cell.local !== "c") continue;
      const tag = startTag(xml, cell);
      if (fromA1(attr(tag, "r") ?? "")?.col !== 1) continue;
      column[rowIndex - 1] = cellText(xml, cell, attr(tag, "t"), shared);
    }
  }
  return decodeLedger(Array.from(column, (text) => text ?? "")).entries;
}

/** Writes the ledger: replaces the existing sheet's content, or adds a very hidden sheet. */
export function writeLedger(
  pkg: OoxmlPackage,
  entries: readonly LedgerEntry[],
  existing: SheetEntry | undefined,
  sheetXml: (rows: ReadonlyArray<ReadonlyArray<{ text: string }>>) => string,
): void {
  const xml = sheetXml(encodeLedger(entries).map((text) => [{ text }]));
  if (existing?.part) pkg.setText(existing.part, xml);
  else addWorksheet(pkg, LEDGER_SHEET, xml, "veryHidden");
}

function cellText(
  xml: string,
  cell: ReturnType<typeof children>[number],
  type: string | undefined,
  shared: () => string[],
): string {
  if (type === "inlineStr") {
    const is = firstChild(xml, cell, "is");
    return is ? runText(xml, is) : "";
  }
  const v = firstChild(xml, cell, "v");
  const value = v ? unescapeXml(xml.slice(v.openEnd, v.closeStart)) : "";
  if (type === "s") return shared()[Number(value)] ?? "";
  return value;
}

/** The text of an <si> or <is>: its <t>, or its runs' <t> joined. */
function runText(xml: string, el: ReturnType<typeof children>[number]): string {
  return children(xml, el)
    .flatMap((child) =>
      child.local === "t" ? [child] : child.local === "r" ? children(xml, child) : [],
    )
    .filter((child) => child.local === "t")
    .map((t) => unescapeXml(xml.slice(t.openEnd, t.closeStart)))
    .join("");
}

/** The shared string table, read once and only when a ledger cell refers to it. */
function sharedStrings(pkg: OoxmlPackage): () => string[] {
  let table: string[] | undefined;
  return () => {
    if (table) return table;
    table = [];
    const rel = pkg
      .relationships(workbookPart(pkg))
      .find((r) => isRelType(r.type, "sharedStrings"));
    const xml = rel?.part ? pkg.text(rel.part) : undefined;
    if (!xml) return table;
    for (const si of children(xml, rootElement(xml))) {
      if (si.local === "si") table.push(runText(xml, si));
    }
    return table;
  };
}
