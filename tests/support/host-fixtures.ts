/**
 * Host-neutral test material shared by the Excel and WPS adapter tests (and their simulators'
 * tests): generated cell cases, the workbooks and findings built from them, seed-form workbooks,
 * and the comparisons against the xlsx reader. Kept in one place so both hosts are held to the
 * same cases; each test file keeps its own host setup.
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { expect } from "vitest";
import { allFindings, checkWorkbook } from "../../src/core/file-report";
import type { Finding, Severity } from "../../src/core/findings";
import type { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { national } from "../../src/core/profiles";
import type { templateSpec } from "../../src/core/templates";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read";
import { layoutForm, loadSeedForms } from "../../scripts/fixture-layouts.mjs";

// ---- Generated cells for mark → clear round trips -------------------------------------------

const PATTERNS = [
  "darkGray",
  "mediumGray",
  "lightGray",
  "gray125",
  "gray0625",
  "darkHorizontal",
  "darkVertical",
  "darkDown",
  "darkUp",
  "darkGrid",
  "darkTrellis",
  "lightHorizontal",
  "lightVertical",
  "lightDown",
  "lightUp",
  "lightGrid",
  "lightTrellis",
] as const;

type FillCase =
  | { kind: "none" }
  | { kind: "solid"; color: string }
  | { kind: "pattern"; pattern: (typeof PATTERNS)[number]; color: string; patternColor: string };

export interface CellCase {
  fill: FillCase;
  note: string | null;
  severity: Severity | null;
}

const hex = fc
  .array(fc.constantFrom(..."0123456789ABCDEF"), { minLength: 6, maxLength: 6 })
  .map((chars) => chars.join(""));
const fillCase: fc.Arbitrary<FillCase> = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.constant({ kind: "solid" as const, color: "FFFFFF" }),
  hex.map((color) => ({ kind: "solid" as const, color })),
  fc.record({
    kind: fc.constant("pattern" as const),
    pattern: fc.constantFrom(...PATTERNS),
    color: fc.oneof(hex, fc.constant("FFFFFF")),
    patternColor: hex,
  }),
);
const noteCase = fc.oneof(
  fc.constant(null),
  fc.constantFrom("原有批注", "第一行\n第二行", "审核意见：请补充依据"),
  fc.string({ minLength: 1, maxLength: 20 }),
);
export const cellCase: fc.Arbitrary<CellCase> = fc.record({
  fill: fillCase,
  note: noteCase,
  severity: fc.option(fc.constantFrom<Severity>("error", "warning", "info"), { nil: null }),
});

/** The sheets generated cases are laid out on; one name with a space, one Chinese. */
export const SHEETS = ["表一", "Sheet 2"];
/** Columns per row of generated cells. */
export const SIZE = 4;
/** Generated cells per sheet. */
export const CELLS = SIZE * 2;

/** Two sheets of CELLS generated cells each. */
export const sheetCases: fc.Arbitrary<CellCase[][]> = fc.array(
  fc.array(cellCase, { minLength: CELLS, maxLength: CELLS }),
  { minLength: 2, maxLength: 2 },
);

function toExcelFill(fill: FillCase): ExcelJS.Fill | undefined {
  if (fill.kind === "none") return undefined;
  if (fill.kind === "solid") {
    return { type: "pattern", pattern: "solid", fgColor: { argb: `FF${fill.color}` } };
  }
  return {
    type: "pattern",
    pattern: fill.pattern,
    fgColor: { argb: `FF${fill.patternColor}` },
    bgColor: { argb: `FF${fill.color}` },
  };
}

/** The address of the index-th generated cell (B2, C2, … row by row). */
export function address(index: number): string {
  return `${String.fromCharCode(66 + (index % SIZE))}${2 + Math.floor(index / SIZE)}`;
}

/** A workbook holding each case's fill and note, one sheet per list of cases. */
export function buildWorkbook(cases: CellCase[][]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  cases.forEach((cells, s) => {
    const sheet = workbook.addWorksheet(SHEETS[s]);
    sheet.getCell("A1").value = "项目名称";
    cells.forEach((cell, i) => {
      const target = sheet.getCell(address(i));
      target.value = i;
      const fill = toExcelFill(cell.fill);
      if (fill) target.fill = fill;
      if (cell.note !== null) target.note = cell.note;
    });
  });
  return workbook;
}

/** One finding per case with a severity, and a second (info) one on every third cell. */
export function findingsOf(cases: CellCase[][]): Finding[] {
  return cases.flatMap((cells, s) =>
    cells.flatMap((cell, i) =>
      cell.severity === null
        ? []
        : [
            {
              rule: "required-field",
              severity: cell.severity,
              sheet: SHEETS[s],
              cell: address(i),
              message: `第${i}格有问题`,
            },
            ...(i % 3 === 0
              ? [
                  {
                    rule: "invalid-number",
                    severity: "info" as const,
                    sheet: SHEETS[s],
                    cell: address(i),
                    message: "再一条",
                  },
                ]
              : []),
          ],
    ),
  );
}

// ---- Plain workbooks and single findings ------------------------------------------------------

/** Sheets with the numbers 1…30 in column A. */
export function plainWorkbook(sheets: string[] = ["表一"]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const name of sheets) {
    const sheet = workbook.addWorksheet(name);
    for (let r = 1; r <= 30; r++) sheet.getCell(r, 1).value = r;
  }
  return workbook;
}

export const finding = (sheet: string, cell: string, severity: Severity = "error"): Finding => ({
  rule: "required-field",
  severity,
  sheet,
  cell,
  message: `${cell} 未填写`,
});

/** A 自评表 sheet with 1…10 in column A, and a second sheet whose name has a space. */
export function editWorkbook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("自评表");
  for (let r = 1; r <= 10; r++) sheet.getCell(r, 1).value = r;
  book.addWorksheet("Other Sheet").getCell("A1").value = "x";
  return book;
}

/** editWorkbook() with `text` typed into 自评表!B4, a text-formatted ("@") cell: a number as text. */
export function editWorkbookWithText(text: string): ExcelJS.Workbook {
  const book = editWorkbook();
  const typed = book.getWorksheet("自评表")!.getCell("B4");
  typed.numFmt = "@";
  typed.value = text;
  return book;
}

/** An error and an info finding on 自评表 A2 and A3 of editWorkbook(). */
export const editFindings: Finding[] = [
  {
    rule: "exec-rate-mismatch",
    severity: "error",
    sheet: "自评表",
    cell: "A2",
    message: "执行率有误",
  },
  { rule: "budget-adjusted", severity: "info", sheet: "自评表", cell: "A3", message: "预算调整" },
];

/** A workbook with one sheet of content, which inserting a template must leave alone. */
export function existingWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("封面").getCell("A1").value = "已有内容";
  return workbook;
}

// ---- Seed forms and comparisons with the xlsx reader --------------------------------------------

const seeds = loadSeedForms("tests/fixtures/forms");
const seedForm = (i: number) => {
  const pool = [...(seeds["003"] ?? []), ...(seeds["000"] ?? [])];
  return pool[i % pool.length];
};

/** A workbook of `sheets` seed forms laid out the Beijing way, named 自评表1, 自评表2, … */
export function workbookOfForms(sheets: number): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (let i = 0; i < sheets; i++) {
    layoutForm(workbook.addWorksheet(`自评表${i + 1}`), seedForm(i), { layout: "beijing" });
  }
  return workbook;
}

/** Every cell and merge of a grid, comparable with toEqual. */
export function snapshot(grid: WorkbookGrid) {
  return grid.sheets.map((sheet: SheetGrid) => ({
    name: sheet.name,
    hidden: sheet.hidden,
    cells: sheet.usedRows().flatMap((row) =>
      sheet.usedCols(row).map((col) => {
        const cell = sheet.cell(row, col)!;
        return [row, col, cell.value, cell.text, cell.numFmt ?? null];
      }),
    ),
    merges: [...sheet.merges].map((m) => `${m.top},${m.left},${m.bottom},${m.right}`).sort(),
  }));
}

/** The seed fixture workbooks under tests/fixtures both hosts must check as the file reader does. */
export const SEED_FIXTURES = ["beijing.xlsx", "shanghai.xlsx", "offset.xlsx"] as const;

export async function fixtureBytes(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(`tests/fixtures/${name}`));
}

/**
 * The grid a host read from `bytes` gives the forms and findings the xlsx reader gives on the
 * same bytes (and at least one form, so an empty read cannot pass).
 */
export async function expectSameFindingsAsXlsxReader(
  name: string,
  bytes: Uint8Array,
  viaHost: WorkbookGrid,
): Promise<void> {
  const viaCheck = checkWorkbook(name, viaHost, national);
  const viaFile = checkWorkbook(name, await readXlsxBuffer(bytes, name), national);
  expect(viaCheck.forms.length).toBeGreaterThan(0);
  expect(viaCheck.forms.map((f) => [f.sheet, f.range])).toEqual(
    viaFile.forms.map((f) => [f.sheet, f.range]),
  );
  expect(allFindings(viaCheck)).toEqual(allFindings(viaFile));
}

/**
 * The template sheet as a host saved it keeps the existing sheet, unlocks the first input, and
 * carries the spec's formulas, input fill and border, fonts and number formats.
 */
export function expectSavedTemplateCells(
  saved: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  spec: ReturnType<typeof templateSpec>,
): void {
  expect(saved.getWorksheet("封面")!.getCell("A1").value).toBe("已有内容");
  expect(ws.getCell(spec.firstInput).protection?.locked).toBe(false);
  const formulaCell = spec.cells.find((c) => c.formula !== undefined)!;
  expect((ws.getCell(formulaCell.address).value as ExcelJS.CellFormulaValue).formula).toBe(
    formulaCell.formula,
  );
  const styled = spec.cells.find((c) => c.role === "input")!;
  expect((ws.getCell(styled.address).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(
    `FF${spec.styles.input.fill!.slice(-6)}`,
  );
  expect(ws.getCell(styled.address).border?.top?.style).toBe("thin");
  expect(ws.getCell(spec.cells[0].address).font?.name).toBe(
    spec.styles[spec.cells[0].role].fontName,
  );
  const numbered = spec.cells.find((c) => c.numFmt)!;
  expect(ws.getCell(numbered.address).numFmt).toBe(numbered.numFmt);
}

// ---- The simulators' sample workbook ---------------------------------------------------------------

/** A small workbook: values, a formula without a cached result, a merge, fills, a note, a hidden sheet. */
export function sampleWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表1");
  ws.getCell("A1").value = "项目名称";
  ws.mergeCells("B1:D1");
  ws.getCell("B1").value = "示例项目";
  ws.getCell("A2").value = 100;
  ws.getCell("B2").value = 99.04;
  ws.getCell("C2").value = { formula: "B2/A2" } as ExcelJS.CellValue;
  ws.getCell("C2").numFmt = "0.00%";
  ws.getCell("A3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFFFF" } };
  ws.getCell("B3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
  ws.getCell("C3").fill = {
    type: "pattern",
    pattern: "darkGrid",
    fgColor: { argb: "FF112233" },
    bgColor: { argb: "FFAABBCC" },
  };
  ws.getCell("A2").note = "用户自己的批注";
  const hidden = wb.addWorksheet("隐藏");
  hidden.state = "veryHidden";
  hidden.getCell("A1").value = "x";
  wb.addWorksheet("Empty");
  return wb;
}
