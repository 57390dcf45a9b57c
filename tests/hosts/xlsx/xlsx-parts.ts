/**
 * Hand-written .xlsx packages for reader tests: the XML of each part as a test writes it, so a test
 * can hold what Excel, WPS or another program writes (shared formulas, inline strings, prefixes,
 * the 1904 date system, references beyond Excel's limits) without a spreadsheet program.
 */
import { deflatedRun, writeZip, type ZipPart } from "./zip-writer";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface SheetSpec {
  name: string;
  /** The worksheet part's XML, whole. Or `rows`: the <sheetData> content and extras after it. */
  xml?: string;
  rows?: string;
  after?: string;
  before?: string;
  state?: "hidden" | "veryHidden";
}

export interface PackageSpec {
  sheets: SheetSpec[];
  /** <si> elements of the shared strings part, as XML. */
  strings?: string[];
  /** Custom number formats (id → code) and the numFmtId of each cell format (s=""). */
  numFmts?: Record<number, string>;
  cellXfs?: number[];
  date1904?: boolean;
  /** A part given as an already-deflated run (a huge cell that stays small on disk). */
  deflatedSheet?: { index: number; megabytes: number; fill: number; head: string; tail: string };
}

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

export function sheetXml(rows: string, after = "", before = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}">${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;
}

export function xlsxPackage(spec: PackageSpec): Buffer {
  const enc = (text: string) => new TextEncoder().encode(text);
  const parts: ZipPart[] = [
    {
      name: "[Content_Types].xml",
      data: enc(
        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: enc(
        `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
  ];
  const sheets = spec.sheets
    .map(
      (s, i) =>
        `<sheet name="${escape(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
    )
    .join("");
  parts.push({
    name: "xl/workbook.xml",
    data: enc(
      `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${spec.date1904 ? ' date1904="1"' : ""}/><sheets>${sheets}</sheets></workbook>`,
    ),
  });
  const n = spec.sheets.length;
  const rels = spec.sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>`);
  if (spec.strings) {
    rels.push(
      `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`,
    );
    parts.push({
      name: "xl/sharedStrings.xml",
      data: enc(
        `<?xml version="1.0"?><sst xmlns="${MAIN}" count="${spec.strings.length}">${spec.strings.join("")}</sst>`,
      ),
    });
  }
  parts.push({
    name: "xl/_rels/workbook.xml.rels",
    data: enc(
      `<?xml version="1.0"?><Relationships xmlns="${PKG}">${rels.join("")}</Relationships>`,
    ),
  });
  const numFmts = Object.entries(spec.numFmts ?? {})
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escape(code)}"/>`)
    .join("");
  const xfs = (spec.cellXfs ?? [0]).map((id) => `<xf numFmtId="${id}" xfId="0"/>`).join("");
  parts.push({
    name: "xl/styles.xml",
    data: enc(
      `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><numFmts>${numFmts}</numFmts><cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs><cellXfs>${xfs}</cellXfs></styleSheet>`,
    ),
  });
  spec.sheets.forEach((s, i) => {
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    const big = spec.deflatedSheet;
    if (big && big.index === i) {
      parts.push({
        name,
        deflated: deflatedRun(
          big.megabytes,
          big.fill,
          Buffer.from(big.head),
          Buffer.from(big.tail),
        ),
      });
      return;
    }
    parts.push({ name, data: enc(s.xml ?? sheetXml(s.rows ?? "", s.after, s.before)) });
  });
  return writeZip(parts);
}

export { MAIN as MAIN_NS };
