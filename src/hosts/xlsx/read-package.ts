// Finds the parts the reader needs in an .xlsx package and unzips only those: the relationships,
// the workbook, its worksheets, styles and shared strings (no images, drawings, printer settings).
// fflate inflates; zip-limits.ts has already checked every part's size before this runs.
import { unzipSync } from "fflate";
import { END, OPEN, XmlTokens } from "./xml-tokens";

export interface SheetPart {
  readonly name: string;
  readonly hidden: boolean;
  /** Zip path of the worksheet part; undefined when the relationship leads nowhere. */
  readonly part: string | undefined;
}

export interface WorkbookParts {
  readonly sheets: readonly SheetPart[];
  readonly date1904: boolean;
  /** Decoded XML of a part, undefined when the package lacks it. */
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

/** Unzips the parts the reader uses and reads the workbook's sheet list. */
export function readWorkbookParts(bytes: Uint8Array): WorkbookParts {
  // First only the relationships and anything named like a workbook: small, and they say which
  // parts the rest are.
  const files = unzipSync(bytes, {
    filter: (file) => file.name.endsWith(".rels") || file.name.endsWith("workbook.xml"),
  });
  const text = (part: string | undefined) => {
    const data = part === undefined ? undefined : files[part];
    return data && decoder.decode(data);
  };
  const rootRel = readRels(text("_rels/.rels"), "").find((r) => isType(r, "officeDocument"));
  const workbookPart = rootRel?.part ?? "xl/workbook.xml";
  const workbookXml = text(workbookPart);
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
  const wanted = new Set<string>(
    [stylesPart, stringsPart, ...sheets.map((s) => s.part)].filter(
      (p): p is string => p !== undefined,
    ),
  );
  Object.assign(
    files,
    unzipSync(bytes, { filter: (file) => wanted.has(file.name) && !(file.name in files) }),
  );
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
