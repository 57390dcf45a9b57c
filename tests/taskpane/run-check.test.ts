/**
 * The pane's sliced validation gives what validateWorkbook gives, reports its progress and pauses
 * between slices; a re-check of some sheets replaces only their forms.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MemorySheet } from "../../src/core/grid";
import { national, shanghai } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { readXlsxFile } from "../../src/hosts/xlsx/read";
import { checkGrid, recheckSheets, type CheckProgress } from "../../src/taskpane/run-check";
import { placeTsv } from "../core/forms/sheet-helpers";
import {
  SHANGHAI_FORM_1,
  SHANGHAI_FORM_2,
  shanghaiCivilService,
} from "../core/forms/shanghai-data";

function sheet(name: string, ...forms: string[]): MemorySheet {
  const grid = new MemorySheet(name);
  let top = 1;
  for (const tsv of forms) top = placeTsv(grid, tsv, { top, numbers: true }) + 3;
  return grid;
}

describe("checkGrid", () => {
  it("equals validateWorkbook on a workbook of several sheets and forms", async () => {
    const notes = new MemorySheet("说明");
    notes.setValue(1, 1, "填表说明");
    const grid = {
      sheets: [
        sheet("乙", shanghaiCivilService("96.61", "良"), SHANGHAI_FORM_2),
        notes,
        sheet("甲", SHANGHAI_FORM_1, shanghaiCivilService("90", "中")),
      ],
    };
    for (const profile of [national, shanghai]) {
      const expected = validateWorkbook(grid, profile);
      expect(expected.forms).toHaveLength(4);
      expect(await checkGrid(grid, profile, { pause: async () => {} })).toEqual(expected);
    }
  });

  it("equals validateWorkbook on department 评分表 too (the department fixture)", async () => {
    const grid = await readXlsxFile(path.resolve(__dirname, "../fixtures/department.xlsx"));
    const expected = validateWorkbook(grid, national);
    expect(expected.forms.length).toBeGreaterThan(0);
    expect(await checkGrid(grid, national, { pause: async () => {} })).toEqual(expected);
  });

  it("gives the engine's file-level finding when no sheet holds a form", async () => {
    const notes = new MemorySheet("说明");
    notes.setValue(1, 1, "填表说明");
    const grid = { sheets: [notes] };
    const report = await checkGrid(grid, national);
    expect(report).toEqual(validateWorkbook(grid, national));
    expect(report.findings.map((f) => f.rule)).toEqual(["no-form"]);
  });

  it("reports progress through every sheet and form, pausing between slices", async () => {
    const grid = {
      sheets: [sheet("一", SHANGHAI_FORM_1, SHANGHAI_FORM_2), sheet("二", SHANGHAI_FORM_1)],
    };
    const progress: CheckProgress[] = [];
    let pauses = 0;
    await checkGrid(grid, national, {
      onProgress: (p) => progress.push(p),
      pause: async () => {
        pauses++;
      },
      sliceMs: -1, // every step is a slice of its own
    });
    expect(progress[0]).toEqual({ phase: "detect", done: 0, total: 2 });
    expect(progress.at(-1)).toEqual({ phase: "validate", done: 3, total: 3 });
    // One pause before each sheet's detection and each form's validation.
    expect(pauses).toBe(2 + 3);
  });
});

describe("recheckSheets", () => {
  it("replaces the forms of the re-checked sheet and keeps the others, in sheet order", async () => {
    const first = sheet("甲", shanghaiCivilService("96.61", "良"));
    const second = sheet("乙", SHANGHAI_FORM_1);
    const before = validateWorkbook({ sheets: [first, second] }, national);
    expect(before.forms[0].findings.some((f) => f.rule === "total-mismatch")).toBe(true);

    const fixed = sheet("甲", shanghaiCivilService("96.16", "优"));
    // The re-read grid also has a change on 乙 that was not asked for: it must not show.
    const changed = sheet("乙", SHANGHAI_FORM_1.replace("99.90", "90.00"));
    const after = await recheckSheets(before, { sheets: [fixed, changed] }, ["甲"], national);
    expect(after.forms.map((f) => f.sheet)).toEqual(["甲", "乙"]);
    expect(after.forms[0]).toEqual(validateWorkbook({ sheets: [fixed] }, national).forms[0]);
    expect(after.forms[1]).toBe(before.forms[1]);
  });

  it("drops the forms of a sheet that was deleted", async () => {
    const first = sheet("甲", SHANGHAI_FORM_1);
    const second = sheet("乙", SHANGHAI_FORM_2);
    const before = validateWorkbook({ sheets: [first, second] }, national);
    const after = await recheckSheets(before, { sheets: [second] }, ["甲"], national);
    expect(after.forms.map((f) => f.sheet)).toEqual(["乙"]);
  });
});
