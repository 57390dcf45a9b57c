import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { allFindings, checkWorkbook } from "../../../src/core/file-report";
import type { SheetGrid } from "../../../src/core/grid";
import { national } from "../../../src/core/profiles";
import { TEMPLATE_KINDS, templateSpec } from "../../../src/core/templates";
import { validateWorkbook } from "../../../src/core/validate";
import { readXlsxBuffer } from "../../../src/hosts/xlsx/read";
import { renderTemplate } from "../../../src/hosts/xlsx/template";
import {
  existingWorkbook as existing,
  expectSavedTemplateCells,
} from "../../support/host-fixtures";
import { bytesOf, wpsHost } from "./sim-host";

describe("insertTemplate on the simulated WPS", () => {
  for (const kind of TEMPLATE_KINDS) {
    it(`renders ${kind}: read back, it validates as the exceljs-rendered template does`, async () => {
      const options = { year: 2025, unit: "某区财政局" };
      const spec = templateSpec(kind, options);
      const env = await wpsHost(existing());
      const { sheet } = await env.host.insertTemplate(kind, options);
      expect(sheet).toBe(spec.sheetName);
      expect(env.sim.missingMembers).toEqual(new Set());

      // Read back through WPS and from the saved file: one blank form each.
      const grid = await env.host.readWorkbook("workbook");
      const viaWps = checkWorkbook("wps", grid, national);
      const reference = new ExcelJS.Workbook();
      await renderTemplate(reference, spec);
      const viaFile = checkWorkbook(
        "xlsx",
        await readXlsxBuffer(await bytesOf(reference)),
        national,
      );
      expect(viaWps.forms).toHaveLength(1);
      expect(viaWps.forms.map((f) => f.range)).toEqual(viaFile.forms.map((f) => f.range));
      expect(allFindings(viaWps).map((f) => [f.rule, f.cell, f.message])).toEqual(
        allFindings(viaFile).map((f) => [f.rule, f.cell, f.message]),
      );
      expect(allFindings(viaWps).map((f) => f.rule)).not.toContain("missing-section");
      // validateWorkbook on the template sheet alone, read through WPS and from the saved file.
      const only = (sheets: readonly SheetGrid[]) => ({
        sheets: sheets.filter((s) => s.name === sheet),
      });
      const report = validateWorkbook(only(grid.sheets), national);
      expect(report.forms).toHaveLength(1);
      const reread = validateWorkbook(
        only((await readXlsxBuffer(await env.sim.toXlsx())).sheets),
        national,
      );
      const summary = (r: typeof report) => [
        ...r.findings.map((f) => [f.rule, f.cell]),
        ...r.forms.flatMap((f) => f.findings.map((x) => [x.rule, x.cell])),
      ];
      expect(summary(reread)).toEqual(summary(report));

      // The sheet as saved: styles, formulas, validation, protection, print setup.
      const saved = new ExcelJS.Workbook();
      await saved.xlsx.load((await env.sim.toXlsx()) as unknown as ExcelJS.Buffer);
      const ws = saved.getWorksheet(sheet)!;
      expectSavedTemplateCells(saved, ws, spec);
      for (const merge of spec.merges) expect(ws.getCell(merge.split(":")[0]).isMerged).toBe(true);
      for (const validation of spec.validations) {
        const rule = ws.getCell(validation.range.split(":")[0]).dataValidation;
        expect(rule?.type).toBe(validation.type);
        if (validation.type === "decimal") {
          expect(rule?.formulae?.map(Number)).toEqual([validation.min, validation.max]);
        }
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
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.views[0]?.showGridLines).toBe(false);
    });
  }

  it("never overwrites: a second insert gets the next free name", async () => {
    const env = await wpsHost(existing());
    const first = await env.host.insertTemplate("project", { year: 2025 });
    const second = await env.host.insertTemplate("project", { year: 2025 });
    expect(second.sheet).toBe(`${first.sheet} (2)`);
    const grid = await env.host.readWorkbook("workbook");
    expect(grid.sheets.map((s) => s.name)).toEqual(["封面", first.sheet, second.sheet]);
    expect(checkWorkbook("x", grid, national).forms).toHaveLength(2);
  });

  it("marks and clears on an inserted (protected) template, leaving it protected", async () => {
    const env = await wpsHost(existing());
    const { sheet } = await env.host.insertTemplate("project", { year: 2025 });
    const findings = allFindings(
      checkWorkbook("x", await env.host.readWorkbook("workbook"), national),
    ).filter((f) => f.cell);
    expect(findings.length).toBeGreaterThan(0);
    const summary = await env.host.mark(findings);
    expect(summary.skipped).toEqual([]);
    expect(env.sim.model.isProtected(env.sim.model.sheetByKey(sheet)!)).toBe(true);
    const cleared = await env.host.clearMarks();
    expect(cleared.restored).toBe(summary.marked);
    expect(env.sim.model.isProtected(env.sim.model.sheetByKey(sheet)!)).toBe(true);
  });
});
