import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { allFindings, checkWorkbook } from "../../../src/core/file-report";
import { national } from "../../../src/core/profiles";
import { TEMPLATE_KINDS, templateSpec } from "../../../src/core/templates";
import { readXlsxBuffer } from "../../../src/hosts/xlsx/read";
import { renderTemplate } from "../../../src/hosts/xlsx/template";
import {
  existingWorkbook as existing,
  expectSavedTemplateCells,
} from "../../support/host-fixtures";
import { charactersToPoints } from "../../../src/hosts/excel/sheets";
import { bytesOf, simHost } from "./sim-host";

describe("insertTemplate on the simulated Excel", () => {
  for (const kind of TEMPLATE_KINDS) {
    it(`renders ${kind} into a sheet the validator reads as the exceljs-rendered template`, async () => {
      const spec = templateSpec(kind, { year: 2025, unit: "某区财政局" });
      const env = await simHost(existing());
      const { sheet } = await env.host.insertTemplate(kind, { year: 2025, unit: "某区财政局" });
      expect(sheet).toBe(spec.sheetName);

      const viaExcel = checkWorkbook("excel", await env.host.readWorkbook("workbook"), national);
      const reference = new ExcelJS.Workbook();
      await renderTemplate(reference, spec);
      const viaFile = checkWorkbook(
        "xlsx",
        await readXlsxBuffer(await bytesOf(reference)),
        national,
      );
      // Every template, the department 评分表 included, is read as one blank form.
      expect(viaExcel.forms).toHaveLength(1);
      expect(viaExcel.forms.map((f) => [f.sheet, f.range])).toEqual(
        viaFile.forms.map((f) => [sheet, f.range]),
      );
      expect(allFindings(viaExcel).map((f) => [f.rule, f.cell, f.message])).toEqual(
        allFindings(viaFile).map((f) => [f.rule, f.cell, f.message]),
      );
      const rules = allFindings(viaExcel).map((f) => f.rule);
      expect(rules).not.toContain("missing-section");

      // The sheet as saved: styles, formulas, validation, protection, print setup.
      const saved = new ExcelJS.Workbook();
      await saved.xlsx.load((await env.sim.toXlsx()) as unknown as ExcelJS.Buffer);
      const ws = saved.getWorksheet(sheet)!;
      expectSavedTemplateCells(saved, ws, spec);
      for (const merge of spec.merges.slice(0, 5)) {
        expect(ws.getCell(merge.split(":")[0]).isMerged).toBe(true);
      }
      const list = spec.validations.find((v) => v.type === "list");
      if (list) {
        const first = list.range.split(":")[0];
        expect(ws.getCell(first).dataValidation?.type).toBe("list");
      }
      const model = env.sim.model.sheetByKey(sheet)!.ws;
      spec.columnWidths.forEach((width, i) =>
        expect(model.getColumn(i + 1).width).toBeCloseTo(width, 0),
      );
      const protection = (ws as unknown as { sheetProtection?: Record<string, unknown> })
        .sheetProtection;
      expect(protection?.sheet).toBe(true);
      expect(protection?.hashValue).toBeUndefined();
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.orientation).toBe(spec.print.orientation);
    });
  }

  it("never overwrites: a second insert gets the next free name", async () => {
    const env = await simHost(existing());
    const first = await env.host.insertTemplate("project", { year: 2025 });
    const second = await env.host.insertTemplate("project", { year: 2025 });
    expect(second.sheet).toBe(`${first.sheet} (2)`);
    const grid = await env.host.readWorkbook("workbook");
    expect(grid.sheets.map((s) => s.name)).toEqual(["封面", first.sheet, second.sheet]);
    expect(checkWorkbook("x", grid, national).forms).toHaveLength(2);
  });

  it("inserts without dropdowns or page setup where ExcelApi 1.8 / 1.9 are missing, and says so", async () => {
    const env = await simHost(existing(), { requirements: { ExcelApi: "1.7" } });
    const capabilities = await env.host.capabilities();
    expect(capabilities.templates).toBe(true);
    expect(capabilities.limitations.some((s) => s.includes("1.8"))).toBe(true);
    expect(capabilities.limitations.some((s) => s.includes("1.9"))).toBe(true);
    const { sheet } = await env.host.insertTemplate("project", { year: 2025 });
    const grid = await env.host.readWorkbook("workbook");
    expect(checkWorkbook("x", grid, national).forms).toHaveLength(1);
    expect(grid.sheets[1].name).toBe(sheet);
  });

  it("converts column widths in characters to the points Office.js takes", () => {
    expect(charactersToPoints(8.43)).toBeCloseTo(48, 0);
    expect(charactersToPoints(10)).toBeCloseTo(56.25, 2);
  });
});
