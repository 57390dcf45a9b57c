import fs from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/findings";
import { annotateXlsx, MARK_FILL, NOTE_MARKER } from "../../../src/hosts/xlsx/annotate";
import { annotateXlsxBytes } from "../../../src/hosts/xlsx/annotate-package";
import { convertWithLibreOffice, INSTALL_HINT, sofficePath } from "../../support/libreoffice";

/**
 * issue 11 item 3: annotating a workbook LibreOffice saved must keep what it had. exceljs reads
 * LibreOffice's true/false attributes as false and knows nothing of workbook protection or custom
 * properties, so a read-and-rewrite lost sheet protection, fit-to-page, print options, the
 * different-first-page header, workbook protection and docProps/custom.xml.
 */

// Only soffice is needed here (no PDF tools). In CI a missing soffice fails the test.
const skip = !sofficePath && !process.env.CI;
if (skip) console.warn(`[annotate-preserve] soffice not found, skipping: ${INSTALL_HINT}`);

const USER_NOTE = "原有批注：请核对金额";
const CUSTOM_PROPS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="预算单位">' +
  "<vt:lpwstr>某某局</vt:lpwstr></property></Properties>";

/** A workbook with every setting the issue names, written by exceljs and finished by hand. */
async function sourceWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet("填报");
  a.columns = [{ width: 30 }, { width: 12 }, { width: 18 }];
  for (let r = 1; r <= 20; r++) {
    a.getCell(r, 1).value = `项目${r}`;
    a.getCell(r, 2).value = r * 10;
    a.getCell(r, 3).value = { formula: `B${r}*2`, result: r * 20 };
  }
  a.getCell("A1").note = USER_NOTE;
  await a.protect("secret", { selectLockedCells: true, formatCells: true });
  a.pageSetup = {
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    paperSize: 9,
    horizontalCentered: true,
    verticalCentered: true,
    showGridLines: true,
    printArea: "A1:C20",
    printTitlesRow: "1:2",
    margins: { left: 0.5, right: 0.5, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
  };
  a.headerFooter = {
    oddHeader: '&C&"宋体,Bold"项目支出绩效自评表',
    oddFooter: "&C第 &P 页，共 &N 页",
  };
  // exceljs has range validations but its typings lack them.
  const validations = (
    a as unknown as {
      dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void };
    }
  ).dataValidations;
  validations.add("B1:B20", {
    type: "whole",
    operator: "between",
    formulae: [0, 1000],
    showErrorMessage: true,
    error: "请填 0 到 1000",
  });
  a.addConditionalFormatting({
    ref: "B1:B20",
    rules: [
      {
        type: "cellIs",
        operator: "greaterThan",
        formulae: [150],
        priority: 1,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFF0000" } } },
      },
    ],
  });
  const b = wb.addWorksheet("说明");
  b.getCell("A1").value = "无密码保护";
  await b.protect("", {});
  b.pageSetup = { fitToPage: true, fitToWidth: 1, fitToHeight: 1, showRowColHeaders: true };
  b.headerFooter = { differentFirst: true, firstHeader: "&L首页", oddHeader: "&R&D" };
  wb.addWorksheet("隐藏", { state: "hidden" }).getCell("A1").value = 1;
  wb.definedNames.add("填报!$B$1:$B$20", "金额");

  // exceljs writes neither workbook protection nor custom properties: add them to the package.
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const edit = (name: string, change: (xml: string) => string) => {
    parts[name] = strToU8(change(strFromU8(parts[name])));
  };
  edit("xl/workbook.xml", (xml) =>
    xml.replace("<sheets>", '<workbookProtection lockStructure="1"/><sheets>'),
  );
  parts["docProps/custom.xml"] = strToU8(CUSTOM_PROPS);
  edit("[Content_Types].xml", (xml) =>
    xml.replace(
      "</Types>",
      '<Override PartName="/docProps/custom.xml" ' +
        'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
    ),
  );
  edit("_rels/.rels", (xml) =>
    xml.replace(
      "</Relationships>",
      '<Relationship Id="rIdCustom" Target="docProps/custom.xml" ' +
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"/>' +
        "</Relationships>",
    ),
  );
  fs.writeFileSync(file, zipSync(parts));
}

type Parts = Record<string, string>;

function readParts(file: string): Parts {
  const parts: Parts = {};
  for (const [name, bytes] of Object.entries(unzipSync(fs.readFileSync(file)))) {
    parts[name] = strFromU8(bytes);
  }
  return parts;
}

/** Every occurrence of an element (start tag through end tag, or empty), as written. */
function elements(xml: string, local: string): string[] {
  const pattern = new RegExp(
    `<(?:\\w+:)?${local}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${local}>)`,
    "g",
  );
  return xml.match(pattern) ?? [];
}

/** Zip path of each sheet's part, by sheet name. */
function sheetParts(parts: Parts): Record<string, string> {
  const rels = new Map(
    [...parts["xl/_rels/workbook.xml.rels"].matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      /Id="([^"]+)"/.exec(m[0])![1],
      /Target="([^"]+)"/.exec(m[0])![1],
    ]),
  );
  const out: Record<string, string> = {};
  for (const m of parts["xl/workbook.xml"].matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])![1];
    const target = rels.get(/r:id="([^"]+)"/.exec(m[0])![1])!;
    out[name] = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  }
  return out;
}

const FINDINGS: Finding[] = [
  { rule: "total-mismatch", severity: "error", sheet: "填报", cell: "A1", message: "总分不一致" },
  { rule: "invalid-number", severity: "error", sheet: "填报", cell: "B3", message: "金额不是数字" },
  { rule: "exec-rate-low", severity: "info", sheet: "填报", cell: "B3", message: "执行率偏低" },
  { rule: "required-field", severity: "warning", sheet: "填报", cell: "E5", message: "请填写说明" },
  {
    rule: "required-field",
    severity: "warning",
    sheet: "填报",
    cell: "F30",
    message: "请填写原因",
  },
  {
    rule: "target-not-quantified",
    severity: "info",
    sheet: "说明",
    cell: "A1",
    message: "目标未量化",
  },
  { rule: "file-note", severity: "info", sheet: "", cell: "", message: "整个文件的提示" },
];

/** The per-sheet settings the issue names, plus the ones that must not move either. */
const SHEET_ELEMENTS = [
  "sheetPr",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "mergeCells",
  "sheetProtection",
  "conditionalFormatting",
  "dataValidations",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
];
const WORKBOOK_ELEMENTS = [
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "definedNames",
  "calcPr",
];

describe.skipIf(skip)("annotate keeps what a LibreOffice-saved workbook had", () => {
  let dir: string;
  let input: string;
  let output: string;
  let inputBytes: Buffer;
  let before: Parts;
  let after: Parts;
  let result: { marked: number; notKept: string[] };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "perf-eval-annotate-"));
    const source = path.join(dir, "source", "自评表.xlsx");
    fs.mkdirSync(path.dirname(source));
    await sourceWorkbook(source);
    [input] = await convertWithLibreOffice([source], "xlsx", path.join(dir, "saved"));
    // LibreOffice 7.x writes the workbook protection of an .xlsx as <workbookProtection/> with
    // only lockWindows: give it the lockStructure a protected structure has, in LibreOffice's
    // own true/false spelling (the spelling exceljs misreads).
    const parts = unzipSync(fs.readFileSync(input));
    const workbook = strFromU8(parts["xl/workbook.xml"]);
    if (!/<workbookProtection\b[^>]*lockStructure=/.test(workbook)) {
      parts["xl/workbook.xml"] = strToU8(
        workbook.replace(/<workbookProtection\b/, '<workbookProtection lockStructure="true"'),
      );
      fs.writeFileSync(input, zipSync(parts));
    }
    inputBytes = fs.readFileSync(input);
    before = readParts(input);
    output = path.join(dir, "标注.xlsx");
    result = await annotateXlsx(input, output, FINDINGS);
    after = readParts(output);
  }, 240_000);

  it("the input really is LibreOffice's, with every setting in place", () => {
    expect(before["docProps/app.xml"]).toContain("LibreOffice");
    const sheets = sheetParts(before);
    const a = before[sheets["填报"]];
    const b = before[sheets["说明"]];
    expect(elements(a, "sheetProtection")[0]).toMatch(/hashValue="[^"]+"/);
    expect(elements(b, "sheetProtection")[0]).toMatch(/sheet="(true|1)"/);
    expect(elements(b, "sheetProtection")[0]).not.toContain("hashValue");
    for (const xml of [a, b]) {
      expect(elements(xml, "pageSetUpPr")[0]).toMatch(/fitToPage="(true|1)"/);
      expect(elements(xml, "pageSetup")[0]).toMatch(/fitToWidth="1"/);
      expect(elements(xml, "printOptions")).toHaveLength(1);
      expect(elements(xml, "headerFooter")).toHaveLength(1);
    }
    expect(elements(a, "printOptions")[0]).toMatch(/horizontalCentered="true"/);
    expect(elements(a, "printOptions")[0]).toMatch(/gridLines="true"/);
    expect(elements(b, "printOptions")[0]).toMatch(/headings="true"/);
    expect(elements(b, "headerFooter")[0]).toMatch(/differentFirst="true"/);
    expect(elements(a, "dataValidation")).toHaveLength(1);
    expect(elements(a, "conditionalFormatting")).toHaveLength(1);
    expect(elements(before["xl/workbook.xml"], "workbookProtection")[0]).toMatch(
      /lockStructure="true"/,
    );
    expect(before["xl/workbook.xml"]).toMatch(/_xlnm.Print_Area/);
    expect(before["xl/workbook.xml"]).toMatch(/name="隐藏"[^>]*state="hidden"/);
    expect(before["docProps/custom.xml"]).toContain("预算单位");
  });

  it("keeps every sheet setting exactly as written", () => {
    const [sheetsBefore, sheetsAfter] = [sheetParts(before), sheetParts(after)];
    for (const [name, part] of Object.entries(sheetsBefore)) {
      const [was, is] = [before[part], after[sheetsAfter[name]]];
      for (const local of SHEET_ELEMENTS) {
        expect(elements(is, local), `${name} <${local}>`).toEqual(elements(was, local));
      }
    }
  });

  it("keeps the workbook's protection, views, names and hidden sheets", () => {
    const [was, is] = [before["xl/workbook.xml"], after["xl/workbook.xml"]];
    for (const local of WORKBOOK_ELEMENTS) {
      expect(elements(is, local), `<${local}>`).toEqual(elements(was, local));
    }
    // The sheets listed as they were, the summary sheet added after them.
    const sheets = (xml: string) => elements(xml, "sheet");
    expect(sheets(is).slice(0, -2)).toEqual(sheets(was));
    expect(sheets(is).at(-2)).toMatch(/name="校验结果"/);
    // The mark ledger, for 清除标记 in Excel or WPS: very hidden, last.
    expect(sheets(is).at(-1)).toMatch(/name="perf-eval-marks"[^>]*state="veryHidden"/);
  });

  it("keeps the document properties, custom ones included", () => {
    expect(after["docProps/custom.xml"]).toBe(before["docProps/custom.xml"]);
    expect(after["docProps/core.xml"]).toBe(before["docProps/core.xml"]);
    expect(after["docProps/app.xml"]).toBe(before["docProps/app.xml"]);
    expect(elements(after["[Content_Types].xml"], "Override")).toEqual(
      expect.arrayContaining(elements(before["[Content_Types].xml"], "Override")),
    );
    expect(after["_rels/.rels"]).toBe(before["_rels/.rels"]);
  });

  it("changes only the parts that carry the marks; every other part is byte for byte the same", () => {
    const sheets = sheetParts(before);
    const marked = new Set([
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
      sheets["填报"],
      sheets["说明"],
      "xl/comments1.xml",
      "xl/drawings/vmlDrawing1.vml",
      // 说明 had no notes: it gains a relationships part.
      sheets["说明"].replace("worksheets/", "worksheets/_rels/") + ".rels",
    ]);
    for (const [part, text] of Object.entries(before)) {
      if (!marked.has(part)) expect(after[part], part).toBe(text);
    }
    expect(result.notKept).toEqual([]);
  });

  it("still marks: fills by the worst finding, notes with the messages, the user's note first", async () => {
    expect(result.marked).toBe(5);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const a = wb.getWorksheet("填报")!;
    const fill = (ws: ExcelJS.Worksheet, address: string) =>
      (ws.getCell(address).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    const note = (ws: ExcelJS.Worksheet, address: string) => {
      const n = ws.getCell(address).note;
      return typeof n === "string" ? n : (n?.texts ?? []).map((t) => t.text).join("");
    };
    expect(fill(a, "A1")).toBe(MARK_FILL.error);
    expect(fill(a, "B3")).toBe(MARK_FILL.error);
    expect(fill(a, "E5")).toBe(MARK_FILL.warning);
    expect(fill(a, "F30")).toBe(MARK_FILL.warning);
    expect(fill(wb.getWorksheet("说明")!, "A1")).toBe(MARK_FILL.info);
    // Cells that share a format with a marked one keep theirs.
    expect(fill(a, "A2")).toBeUndefined();
    expect(fill(a, "B4")).toBeUndefined();

    expect(note(a, "A1")).toBe(
      `${USER_NOTE}\n${NOTE_MARKER}\n【错误】总分不一致（total-mismatch）`,
    );
    expect(note(a, "B3")).toContain("金额不是数字");
    expect(note(a, "B3")).toContain("执行率偏低");
    expect(note(a, "F30")).toContain("请填写原因");
    expect(note(wb.getWorksheet("说明")!, "A1")).toContain("目标未量化");
    // Values and formulas untouched.
    expect(a.getCell("B3").value).toBe(30);
    expect(a.getCell("C3").value).toMatchObject({ formula: "B3*2" });

    const summary = wb.getWorksheet("校验结果")!;
    expect(summary.getCell("E1").value).toBe("问题与处理建议");
    expect(summary.rowCount).toBe(FINDINGS.length + 1);
    expect(summary.getCell("E8").value).toBe("整个文件的提示");
  });

  it("a marked cell keeps its number format, font and protection: only the fill changes", () => {
    const styles = after["xl/styles.xml"];
    const xfs = elements(elements(styles, "cellXfs")[0], "xf");
    const sheet = after[sheetParts(after)["填报"]];
    const styleOf = (address: string) =>
      Number(new RegExp(`<c r="${address}"[^>]*?\\ss="(\\d+)"`).exec(sheet)?.[1] ?? 0);
    const beforeSheet = before[sheetParts(before)["填报"]];
    const was = Number(new RegExp(`<c r="B3"[^>]*?\\ss="(\\d+)"`).exec(beforeSheet)?.[1] ?? 0);
    const beforeXfs = elements(elements(before["xl/styles.xml"], "cellXfs")[0], "xf");
    const strip = (xf: string) => xf.replace(/\s(fillId|applyFill)="[^"]*"/g, "");
    expect(styleOf("B3")).not.toBe(was);
    expect(strip(xfs[styleOf("B3")])).toBe(strip(beforeXfs[was]));
    // The input's formats are all still there, in place.
    expect(xfs.slice(0, beforeXfs.length)).toEqual(beforeXfs);
  });

  it("LibreOffice opens the marked copy and still sees the protection and the notes", async () => {
    const reopened = await convertWithLibreOffice([output], "xlsx", path.join(dir, "reopened"));
    const parts = readParts(reopened[0]);
    const sheets = sheetParts(parts);
    expect(elements(parts[sheets["填报"]], "sheetProtection")[0]).toMatch(/hashValue=/);
    expect(elements(parts[sheets["说明"]], "pageSetUpPr")[0]).toMatch(/fitToPage="true"/);
    expect(Object.keys(sheets)).toContain("校验结果");
    const comments = Object.entries(parts)
      .filter(([name]) => /comments\d*\.xml$/.test(name))
      .map(([, xml]) => xml)
      .join("");
    for (const text of ["总分不一致", "请填写原因", "目标未量化", USER_NOTE]) {
      expect(comments).toContain(text);
    }
  }, 240_000);

  it("never writes to the input", () => {
    expect(fs.readFileSync(input).equals(inputBytes)).toBe(true);
  });
});

// --- Packages written by other tools: built by hand, no LibreOffice needed ---------------------

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

function zip(parts: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(parts).map(([name, data]) => [
        name,
        typeof data === "string" ? strToU8(data) : data,
      ]),
    ),
  );
}

function unzipText(bytes: Uint8Array): Parts {
  return Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]),
  );
}

/** A minimal package: no styles part, optional extra parts and relationships. */
function handMade(options: {
  prefix?: string;
  sheets: Record<string, string>;
  mainType?: string;
  extraParts?: Record<string, string | Uint8Array>;
  extraWorkbookRels?: string;
  extraTypes?: string;
}): Uint8Array {
  const p = options.prefix ?? "";
  const ns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  const names = Object.keys(options.sheets);
  return zip({
    "[Content_Types].xml":
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${options.mainType ?? `${CT}.sheet.main+xml`}"/>` +
      names
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`,
        )
        .join("") +
      (options.extraTypes ?? "") +
      `</Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml":
      `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${ns} xmlns:r="${REL}"><${p}sheets>` +
      names
        .map((name, i) => `<${p}sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("") +
      `</${p}sheets></${p}workbook>`,
    "xl/_rels/workbook.xml.rels":
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">` +
      names
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join("") +
      (options.extraWorkbookRels ?? "") +
      `</Relationships>`,
    ...Object.fromEntries(
      Object.values(options.sheets).map((data, i) => [
        `xl/worksheets/sheet${i + 1}.xml`,
        `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns} xmlns:r="${REL}">${data}</${p}worksheet>`,
      ]),
    ),
    ...options.extraParts,
  });
}

const finding = (sheet: string, cell: string, message = `问题 ${cell}`): Finding => ({
  rule: "required-field",
  severity: "warning",
  sheet,
  cell,
  message,
});

async function loadBytes(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

function wellFormed(parts: Parts): void {
  for (const [name, xml] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    expect(XMLValidator.validate(xml), name).toBe(true);
  }
}

describe("annotate edits packages other tools wrote", () => {
  it("finds cells and rows whose position is implied, empty rows and an empty sheet", () => {
    const bytes = handMade({
      sheets: {
        表一:
          `<sheetData><row><c t="inlineStr"><is><t>甲</t></is></c><c><v>2</v></c></row>` +
          `<row/><row r="5" spans="2:2"><c r="B5"><v>1</v></c></row></sheetData>`,
        表二: "<sheetData/>",
      },
    });
    const findings = ["A1", "B1", "D1", "C2", "A3", "A5", "B5", "C9"].map((c) =>
      finding("表一", c),
    );
    findings.push(finding("表二", "B2"));
    const { bytes: out, marked } = annotateXlsxBytes(bytes, findings);
    expect(marked).toBe(9);
    const parts = unzipText(out);
    wellFormed(parts);
    // exceljs cannot read rows without r="", so the parts are compared as written: no styles part
    // before, so format 1 is the first one added (the default format, filled).
    const sheetData = (xml: string) =>
      /<sheetData[\s\S]*(?:<\/sheetData>|<sheetData\/>)/.exec(xml)?.[0];
    expect(sheetData(parts["xl/worksheets/sheet1.xml"])).toBe(
      '<sheetData><row><c t="inlineStr" s="1"><is><t>甲</t></is></c><c s="1"><v>2</v></c>' +
        '<c r="D1" s="1"/></row><row><c r="C2" s="1"/></row><row r="3"><c r="A3" s="1"/></row>' +
        '<row r="5"><c r="A5" s="1"/><c r="B5" s="1"><v>1</v></c></row>' +
        '<row r="9"><c r="C9" s="1"/></row></sheetData>',
    );
    expect(sheetData(parts["xl/worksheets/sheet2.xml"])).toBe(
      '<sheetData><row r="2"><c r="B2" s="1"/></row></sheetData>',
    );
    const xfs = elements(elements(parts["xl/styles.xml"], "cellXfs")[0], "xf");
    expect(xfs[1]).toMatch(/fillId="2"/);
    expect(elements(parts["xl/styles.xml"], "fill")[2]).toContain(MARK_FILL.warning);
    // A styles part was created and declared.
    expect(parts["[Content_Types].xml"]).toContain("styles+xml");
  });

  it("writes new elements with the prefix the file uses (x:worksheet)", () => {
    const bytes = handMade({
      prefix: "x:",
      sheets: {
        表: '<x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData>',
      },
    });
    const parts = unzipText(
      annotateXlsxBytes(bytes, [finding("表", "A1"), finding("表", "C3")]).bytes,
    );
    wellFormed(parts);
    const sheet = parts["xl/worksheets/sheet1.xml"];
    expect(sheet).toMatch(/<x:c r="A1" s="\d+">/);
    expect(sheet).toMatch(/<x:row r="3"><x:c r="C3" s="\d+"\/><\/x:row>/);
    expect(sheet).toMatch(/<x:legacyDrawing r:id="rId\d+"\/><\/x:worksheet>$/);
    expect(parts["xl/workbook.xml"]).toMatch(
      /<x:sheet name="校验结果" sheetId="2" r:id="rId\d+"\/>/,
    );
  });

  it("keeps a plain-text note and puts ours under the marker", async () => {
    const bytes = handMade({
      sheets: {
        表: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><legacyDrawing r:id="rId2"/>',
      },
      extraParts: {
        "xl/worksheets/_rels/sheet1.xml.rels": `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/comments" Target="../comments1.xml"/><Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`,
        "xl/comments1.xml": `<comments xmlns="${MAIN}"><authors><author>张三</author></authors><commentList><comment ref="A1" authorId="0"><text><t>请复核 &amp; 签字</t></text></comment></commentList></comments>`,
        "xl/drawings/vmlDrawing1.vml": `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>`,
      },
      extraTypes: `<Override PartName="/xl/comments1.xml" ContentType="${CT}.comments+xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>`,
    });
    const out = annotateXlsxBytes(bytes, [
      finding("表", "A1", "说明缺失"),
      finding("表", "B1"),
    ]).bytes;
    const parts = unzipText(out);
    const ws = (await loadBytes(out)).getWorksheet("表")!;
    const note = ws.getCell("A1").note as { texts: Array<{ text: string }> };
    expect(note.texts.map((t) => t.text).join("")).toBe(
      `请复核 & 签字\n${NOTE_MARKER}\n【警告】说明缺失（required-field）`,
    );
    expect(ws.getCell("B1").note).toBeTruthy();
    const vml = parts["xl/drawings/vmlDrawing1.vml"];
    // One drawing for the sheet: the new note's box joins the old one, with a fresh shape id.
    expect(vml.match(/<v:shape /g)).toHaveLength(2);
    expect(vml).toContain('id="_x0000_s1026"');
    expect(vml.match(/id="_x0000_t202"/g)).toHaveLength(1); // the note shape type not repeated
    expect(parts["xl/comments1.xml"]).toContain(
      "<author>张三</author><author>绩效自评助手</author>",
    );
  });

  it("makes a macro workbook an .xlsx and says the macros were not kept", async () => {
    const bytes = handMade({
      sheets: { 表: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' },
      mainType: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      extraParts: { "xl/vbaProject.bin": new Uint8Array([1, 2, 3]) },
      extraWorkbookRels: `<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`,
      extraTypes: `<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>`,
    });
    const { bytes: out, notKept } = annotateXlsxBytes(bytes, [finding("表", "A1")]);
    const parts = unzipText(out);
    expect(notKept).toHaveLength(1);
    expect(notKept[0]).toMatch(/^宏/);
    expect(parts["xl/vbaProject.bin"]).toBeUndefined();
    expect(parts["xl/_rels/workbook.xml.rels"]).not.toContain("vbaProject");
    expect(parts["[Content_Types].xml"]).not.toContain("macroEnabled");
    expect(parts["[Content_Types].xml"]).toContain(
      `PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"`,
    );
    const summary = (await loadBytes(out)).getWorksheet("校验结果")!;
    const texts: string[] = [];
    summary.eachRow((row) => texts.push(String(row.getCell(5).value ?? "")));
    expect(texts).toContain(notKept[0]);
  });

  it("writes control characters in a message so the file stays valid XML", async () => {
    const bytes = handMade({ sheets: { 表: "<sheetData/>" } });
    const message = "单元格文字\u001b[2J含控制字符 _x0041_";
    const out = annotateXlsxBytes(bytes, [finding("表", "A1", message)]).bytes;
    wellFormed(unzipText(out));
    const wb = await loadBytes(out);
    expect(wb.getWorksheet("校验结果")!.getCell("E2").value).toContain("_x001B_");
  });
});

describe("annotate of a package it cannot edit", () => {
  it("says so in one Chinese line instead of writing a broken copy", () => {
    const bytes = handMade({ sheets: { 表: '<sheetData><row r="1"><c r="A1"><v>1</v></row>' } });
    expect(() => annotateXlsxBytes(bytes, [finding("表", "A1")])).toThrow(
      expect.objectContaining({ name: "AnnotateError", message: expect.stringMatching(/^工作簿/) }),
    );
  });
});
