// Finds the parts the reader needs in an .xlsx package and inflates only those: the relationships,
// the workbook, its worksheets, styles and shared strings (no images, drawings, printer settings).
// zip-parts.ts inflates each one as it is asked for, from the directory zip-limits.ts has checked.
import { END, OPEN, XmlTokens } from "./xml-tokens";
import type { ZipParts } from "./zip-parts";

export interface SheetPart {
  readonly name: string;
  readonly hidden: boolean;
  /** Zip path of the worksheet part; undefined when the relationship leads nowhere. */
  readonly part: string | undefined;
}

export interface WorkbookParts {
  readonly sheets: readonly SheetPart[];
  readonly date1904: boolean;
  /** Decoded XML of a part, inflated when asked for; undefined when the package lacks it. */
  text(part: string | undefined): string | undefined;
  readonly styles: string | undefined;
  readonly sharedStrings: string | undefined;
}

interface Rel {
  readonly id: string;
  readonly type: string;
  readonly part: string | undefined;
}

const decoder = new TextDecoder("utf-8");

/** "/xl/worksheets/sheet1.xml" or "worksheets/sheet1.xml" from "xl/workbook.xml" → a zip path. */
function resolvePart(from: string, target: string): string {
  const base = target.startsWith("/") ? [] : from.split("/").slice(0, -1);
  for (const segment of target.replace(/^\//, "").split("/")) {
    if (segment === "..") base.pop();
    else if (segment !== "." && segment !== "") base.push(segment);
  }
  return base.join("/");
}

/** The .rels part that belongs to `part` ("" for the package's own). */
function relsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function readRels(xml: string | undefined, owner: string): Rel[] {
  if (xml === undefined) return [];
  const rels: Rel[] = [];
  const tokens = new XmlTokens(xml);
  for (let token = tokens.next(); token !== END; token = tokens.next()) {
    if (token !== OPEN || tokens.name !== "Relationship") continue;
    const target = tokens.attr("Target") ?? "";
    const external = tokens.attr("TargetMode") === "External";
    rels.push({
      id: tokens.attr("Id") ?? "",
      type: tokens.attr("Type") ?? "",
      part: external || target === "" ? undefined : resolvePart(owner, target),
    });
  }
  return rels;
}

const isType = (rel: Rel, kind: string) => rel.type.endsWith(`/${kind}`);

/** Reads the workbook's sheet list; its styles and shared strings are inflated now, sheets later. */
export function readWorkbookParts(zip: ZipParts): WorkbookParts {
  const text = (part: string | undefined) => {
    const data = part === undefined ? undefined : zip.read(part);
    return data && decoder.decode(data);
  };
  const rootRel = readRels(text("_rels/.rels"), "").find((r) => isType(r, "officeDocument"));
  const workbookPart = rootRel?.part ?? "xl/workbook.xml";
  // Only a part named like a workbook is read as one, as when the reader first unzipped every
  // part whose name ends so (with the relationships) to learn which parts the others are.
  const workbookXml = workbookPart.endsWith("workbook.xml") ? text(workbookPart) : undefined;
  if (workbookXml === undefined) throw new MissingWorkbookError();
  const rels = readRels(text(relsPath(workbookPart)), workbookPart);
  const relById = new Map(rels.map((r) => [r.id, r]));

  const sheets: SheetPart[] = [];
  let date1904 = false;
  const tokens = new XmlTokens(workbookXml);
  for (let token = tokens.next(); token !== END; token = tokens.next()) {
    if (token !== OPEN) continue;
    if (tokens.name === "workbookPr") {
      const flag = tokens.attr("date1904");
      date1904 = flag === "1" || flag === "true";
    } else if (tokens.name === "sheet") {
      const rel = relById.get(tokens.attr("id", true) ?? "");
      // Chart sheets, dialog and macro sheets hold no cells to check.
      if (rel && !isType(rel, "worksheet")) continue;
      const state = tokens.attr("state");
      sheets.push({
        name: tokens.attr("name") ?? "",
        hidden: state === "hidden" || state === "veryHidden",
        part: rel?.part,
      });
    }
  }

  const stylesPart = rels.find((r) => isType(r, "styles"))?.part;
  const stringsPart = rels.find((r) => isType(r, "sharedStrings"))?.part;
  return {
    sheets,
    date1904,
    text,
    styles: text(stylesPart),
    sharedStrings: text(stringsPart),
  };
}

/** The package has no workbook part: not a spreadsheet (a .docx renamed, say). */
export class MissingWorkbookError extends Error {}
