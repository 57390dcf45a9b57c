/**
 * Cases the fuzz found, kept as plain tests so they stay fixed whatever the fuzz draws next.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { layoutForm } from "../../scripts/fixture-layouts.mjs";
import { checkWorkbook } from "../../src/core/file-report";
import { computeMissingResults } from "../../src/core/grid/evaluate";
import { MemorySheet } from "../../src/core/grid";
import { national } from "../../src/core/profiles";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read-buffer";
import { seedForm } from "../support/seed-fixtures";
import { unzipParts, writeZip } from "../hosts/xlsx/zip-writer";

/** A one-form workbook whose cell at `address` holds `<v>text</v>` with no type (a number). */
async function withNumericText(texts: Record<string, string>) {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("项目支出绩效自评");
  const placed = layoutForm(ws, seedForm("003-4"), { layout: "shanghai" });
  const total = placed.cells["total.score"];
  ws.getCell(total).value = 96.16;
  ws.getCell("K1").value = 1;
  const parts = await unzipParts(new Uint8Array(await workbook.xlsx.writeBuffer()));
  const sheet = parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!;
  let xml = new TextDecoder().decode(sheet.data);
  for (const [key, text] of Object.entries(texts)) {
    const address = key === "total" ? total : key;
    const cell = new RegExp(`<c r="${address}"([^>]*)><v>[^<]*</v></c>`);
    expect(xml).toMatch(cell);
    xml = xml.replace(cell, (_, attrs: string) => `<c r="${address}"${attrs}><v>${text}</v></c>`);
  }
  sheet.data = new TextEncoder().encode(xml);
  return { bytes: writeZip(parts), total };
}

describe("fuzz regressions", () => {
  // FUZZ_SEED=20261130 FUZZ_CASE=128: 总分 stored as <v>#DIV/0!</v> without t="e". exceljs reads
  // it with parseFloat (NaN), the grade rule threw, and the file was reported as a program error.
  it("a numeric cell holding no number is #NUM!, and the form is still checked", async () => {
    const { bytes, total } = await withNumericText({ total: "#DIV/0!", K1: "1e999" });
    const grid = await readXlsxBuffer(bytes, "damaged.xlsx");
    const sheet = grid.sheets[0];
    const [col, row] = [total.replace(/\d+/, ""), Number(total.replace(/\D+/, ""))];
    const colNumber = [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    expect(sheet.cell(row, colNumber)?.value).toEqual({ error: "#NUM!" });
    expect(sheet.cell(1, 11)?.value).toEqual({ error: "#NUM!" });
    const report = checkWorkbook("damaged.xlsx", grid, national);
    expect(report.unreadable).toBeUndefined();
    expect(report.forms).toHaveLength(1);
    expect(report.forms[0].total.printed).toBeNull();
  });

  it("a NaN in a grid from any host is not read as the form's number", async () => {
    // Another host's grid (or a future reader) could hand NaN over directly: detection must not
    // take it for the printed 总分.
    const { bytes, total } = await withNumericText({});
    const grid = await readXlsxBuffer(bytes, "nan.xlsx");
    const sheet = grid.sheets[0] as MemorySheet;
    const row = Number(total.replace(/\D+/, ""));
    const col = [...total.replace(/\d+/, "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    sheet.set(row, col, { value: Number.NaN, text: "#DIV/0!" });
    const report = checkWorkbook("nan.xlsx", grid, national);
    expect(report.unreadable).toBeUndefined();
    expect(report.forms[0].total.printed).toBeNull();
  });

  // Seed 20261130, formula case 1074 and others: "1E+309" evaluated to Infinity and was stored as
  // the cell's result. Excel refuses such a literal; the cell now stays without a result.
  it("a number literal beyond Excel's range is not computed to Infinity", () => {
    const sheet = new MemorySheet("Sheet1");
    sheet.set(1, 1, { value: null, text: "", formula: "1E+309" });
    sheet.set(1, 2, { value: null, text: "", formula: "-1E+309*2" });
    sheet.set(1, 3, { value: null, text: "", formula: "1E+308*10" });
    computeMissingResults([sheet]);
    for (const col of [1, 2]) {
      const value = sheet.cell(1, col)?.value;
      expect(typeof value === "number" && !Number.isFinite(value)).toBe(false);
    }
    // An overflow while computing was already #NUM!.
    expect(sheet.cell(1, 3)?.value).toEqual({ error: "#NUM!" });
  });
});
