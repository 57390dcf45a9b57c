/**
 * Workbooks written by scripts (exceljs, openpyxl) store formulas without cached results. The reader
 * computes them, so such a workbook gets the same findings as one holding the plain values, and
 * not a false required-field on every computed 执行率, 得分 and 总分.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/findings";
import { MemorySheet, fromA1, toA1, type WorkbookGrid } from "../../../src/core/grid";
import { national } from "../../../src/core/profiles";
import { TEMPLATE_KINDS, templateSpec } from "../../../src/core/templates";
import { validateWorkbook } from "../../../src/core/validate";
import { readXlsxBuffer, readXlsxFile } from "../../../src/hosts/xlsx/read";
import { renderTemplate } from "../../../src/hosts/xlsx/template";
import { fillProjectTemplate } from "../../support/template-filling";
import { layoutForm, type PlacedForm } from "../../../scripts/fixture-layouts.mjs";
import { convertWithLibreOffice, skipLibreOffice } from "../../support/libreoffice";
import { seedForm } from "../../support/seed-fixtures";

function allFindings(report: ReturnType<typeof validateWorkbook>): Finding[] {
  return [...report.findings, ...report.forms.flatMap((form) => form.findings)];
}

/** Findings without their wording, sorted, to compare two workbooks. */
function summary(grid: WorkbookGrid): string[] {
  return allFindings(validateWorkbook(grid, national))
    .map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.severity}`)
    .sort();
}

/** Seed 003 forms with rates that print exactly: 49.52 / 50.00 → 99.04%, 29.98 / 30.00 → 99.93%. */
const FORMS = [
  { id: "003-1", sheet: "表1", rate: 0.9904, score: 9.9, total: 99.9 },
  { id: "003-2", sheet: "表2", rate: 29.98 / 30, score: 9.99, total: 99.99 },
];

/**
 * Lays out the seed forms; then writes 执行率, 得分 and 总分 either as the plain numbers a person
 * types or as formulas without cached results (the form on 表2 uses =PERF.RATE).
 */
async function workbookWith(kind: "values" | "formulas"): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const { id, sheet: name, rate, score, total } of FORMS) {
    const sheet = workbook.addWorksheet(name);
    const placed: PlacedForm = layoutForm(sheet, seedForm(id), { layout: "beijing" });
    const at = (path: string) => placed.cells[path]!;
    const budget = at("funds.total.budget");
    const executed = at("funds.total.executed");
    const weight = at("funds.total.weight");
    const rateCell = at("funds.total.rate");
    const scoreCell = at("funds.total.score");
    const indicatorScores = seedForm(id).indicators.map((_, i) => at(`indicators[${i}].score`));
    const formulas = {
      [rateCell]: name === "表2" ? `PERF.RATE(${budget},${executed})` : `${executed}/${budget}`,
      [scoreCell]: `ROUND(${weight}*MIN(${rateCell},1),2)`,
      [at("total.score")]: `SUM(${indicatorScores[0]}:${indicatorScores.at(-1)})+${scoreCell}`,
    };
    // The transcription keeps "30.00" as text; typed in a workbook it is the number 30 shown as
    // 30.00 (SUM skips text, in Excel as here).
    for (const address of indicatorScores) {
      const cell = sheet.getCell(address);
      cell.value = Number(cell.value);
      cell.numFmt = "0.00";
    }
    const values = { [rateCell]: rate, [scoreCell]: score, [at("total.score")]: total };
    const formats = { [rateCell]: "0.00%", [scoreCell]: "0.00", [at("total.score")]: "0.00" };
    for (const address of Object.keys(formulas)) {
      const cell = sheet.getCell(address);
      cell.value =
        kind === "formulas"
          ? ({ formula: formulas[address] } as ExcelJS.CellFormulaValue)
          : values[address]!;
      cell.numFmt = formats[address]!;
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The grid with every computed result taken away again: what the reader gave before. */
function withoutComputed(grid: WorkbookGrid): WorkbookGrid {
  const sheets = grid.sheets.map((sheet) => {
    const copy = new MemorySheet(sheet.name, sheet.hidden);
    for (const row of sheet.usedRows()) {
      for (const col of sheet.usedCols(row)) {
        const cell = sheet.cell(row, col)!;
        copy.set(
          row,
          col,
          cell.computed ? { ...cell, value: null, text: "", computed: undefined } : cell,
        );
      }
    }
    for (const merge of sheet.merges) copy.addMerge(merge);
    return copy;
  });
  return { sheets };
}

describe("formulas stored without cached results", () => {
  it("reads the computed results with their number formats, marked computed", async () => {
    const grid = await readXlsxBuffer(await workbookWith("formulas"), "formulas.xlsx");
    const texts = grid.sheets.map((sheet) => {
      const computed: string[] = [];
      for (const row of sheet.usedRows()) {
        for (const col of sheet.usedCols(row)) {
          const cell = sheet.cell(row, col)!;
          if (cell.computed) computed.push(cell.text);
        }
      }
      return computed;
    });
    expect(texts).toEqual([
      ["99.04%", "9.90", "99.90"],
      ["99.93%", "9.99", "99.99"],
    ]);
  });

  it("gives the same findings as the workbook holding plain values", async () => {
    const withValues = await readXlsxBuffer(await workbookWith("values"), "values.xlsx");
    const withFormulas = await readXlsxBuffer(await workbookWith("formulas"), "formulas.xlsx");
    expect(summary(withFormulas)).toEqual(summary(withValues));
    expect(summary(withFormulas).filter((f) => f.includes("required-field"))).toEqual([]);
    // Without the computed results the same file reads as empty fields: the test can fail.
    expect(summary(withoutComputed(withFormulas)).some((f) => f.includes("required-field"))).toBe(
      true,
    );
  });

  it("never replaces a cached result", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表1");
    sheet.getCell("D7").value = 50;
    sheet.getCell("E7").value = 49.52;
    // A stale cached result, as Excel saved it before someone changed E7 with a script.
    sheet.getCell("G7").value = { formula: "E7/D7", result: 0.5 } as ExcelJS.CellFormulaValue;
    const grid = await readXlsxBuffer(Buffer.from(await workbook.xlsx.writeBuffer()), "t.xlsx");
    const { row, col } = fromA1("G7")!;
    expect(grid.sheets[0]!.cell(row, col)).toMatchObject({ value: 0.5, formula: "E7/D7" });
    expect(grid.sheets[0]!.cell(row, col)?.computed).toBeUndefined();
  });
});

// The filled template is the one tests/core/templates/validate-template.test.ts checks after
// LibreOffice recalculation — here read straight after exceljs wrote it, nothing computed it.
describe("a filled template read without recalculation", () => {
  for (const kind of ["project", "project-2021"] as const) {
    it(`reports no error on a correctly filled ${kind} form`, async () => {
      const workbook = new ExcelJS.Workbook();
      fillProjectTemplate(await renderTemplate(workbook, templateSpec(kind, { year: 2023 })), kind);
      const grid = await readXlsxBuffer(Buffer.from(await workbook.xlsx.writeBuffer()), "t.xlsx");
      const report = validateWorkbook(grid, national);
      expect(report.forms).toHaveLength(1);
      const errors = allFindings(report).filter((finding) => finding.severity === "error");
      expect(errors).toEqual([]);
      expect(report.forms[0]!.total.printed).toBe(100);
      expect(report.forms[0]!.grade).toBe("优");
    });
  }
});

/**
 * The evaluator against a real spreadsheet engine: the same files recalculated by LibreOffice must
 * hold, in every cell the reader computed, the value and displayed text the reader computed.
 */
describe.skipIf(skipLibreOffice)("computed results agree with LibreOffice", () => {
  let dir: string;
  const pairs: Array<{ name: string; ours: WorkbookGrid; theirs: WorkbookGrid }> = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "perf-eval-formula-results-"));
    const files: Array<{ name: string; buffer: Buffer }> = [];
    for (const kind of TEMPLATE_KINDS) {
      const blank = new ExcelJS.Workbook();
      await renderTemplate(blank, templateSpec(kind, { year: 2023 }));
      files.push({ name: `${kind}-blank`, buffer: Buffer.from(await blank.xlsx.writeBuffer()) });
      if (kind === "department") continue;
      const filled = new ExcelJS.Workbook();
      fillProjectTemplate(await renderTemplate(filled, templateSpec(kind, { year: 2023 })), kind);
      files.push({ name: `${kind}-filled`, buffer: Buffer.from(await filled.xlsx.writeBuffer()) });
    }
    // The seed forms, without the PERF.RATE sheet LibreOffice cannot compute.
    const forms = new ExcelJS.Workbook();
    await forms.xlsx.load((await workbookWith("formulas")) as unknown as ExcelJS.Buffer);
    forms.removeWorksheet(forms.getWorksheet("表2")!.id);
    files.push({ name: "seed-forms", buffer: Buffer.from(await forms.xlsx.writeBuffer()) });

    const paths: string[] = [];
    for (const file of files) {
      paths.push(join(dir, `${file.name}.xlsx`));
      await writeFile(paths.at(-1)!, file.buffer);
    }
    const outputs = await convertWithLibreOffice(paths, "xlsx", join(dir, "out"));
    for (const [i, file] of files.entries()) {
      pairs.push({
        name: file.name,
        ours: await readXlsxBuffer(file.buffer, file.name),
        theirs: await readXlsxFile(outputs[i]!),
      });
    }
  }, 240_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("computes every template formula and matches LibreOffice cell by cell", () => {
    expect(pairs.map((pair) => pair.name)).toContain("seed-forms");
    for (const { name, ours, theirs } of pairs) {
      let compared = 0;
      ours.sheets.forEach((sheet, s) => {
        for (const row of sheet.usedRows()) {
          for (const col of sheet.usedCols(row)) {
            const cell = sheet.cell(row, col)!;
            if (cell.formula === undefined) continue;
            const where = `${name} ${sheet.name}!${toA1(row, col)} =${cell.formula}`;
            // Every formula of ours is within the evaluator's grammar.
            expect(cell.computed, where).toBe(true);
            const other = theirs.sheets[s]!.cell(row, col);
            // exceljs loses a cached empty-text result (<v></v>), so LibreOffice's "" reads as no
            // result at all; the reader then computes it too. Only "" may be missing.
            if (other?.computed) {
              expect(cell.value, where).toBe("");
              continue;
            }
            if (typeof cell.value === "number") {
              expect(other?.value, where).toBeCloseTo(cell.value, 9);
            } else {
              expect(other?.value ?? "", where).toEqual(cell.value);
            }
            expect(other?.text ?? "", where).toBe(cell.text);
            compared++;
          }
        }
      });
      expect(compared, name).toBeGreaterThan(0);
    }
  });
});
