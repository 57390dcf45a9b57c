import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Finding, Severity } from "../../../src/core/findings";
import { LEDGER_SHEET, LEDGER_TAG, MARK_COLOR, NOTE_MARKER } from "../../../src/hosts/marks/ledger";
import type { WorkbookModel } from "../../../dev/excel-sim/model";
import {
  address,
  buildWorkbook,
  CELLS,
  finding,
  findingsOf,
  plainWorkbook,
  sheetCases,
  SHEETS,
} from "../../support/host-fixtures";
import { simHost } from "../excel/sim-host";
import { bytesOf, wpsHost, type WpsSimHost } from "./sim-host";

/**
 * Every cell's fill and note as the file holds them (the workbook both simulators share): the
 * OOXML pattern, background and pattern colours, the note text.
 */
function looks(model: WorkbookModel) {
  return SHEETS.map((name) => {
    const sheet = model.sheetByKey(name)!;
    return Array.from({ length: CELLS }, (_, i) => {
      const at = sheet.ws.getCell(address(i));
      const fill = model.fillOf(sheet, Number(at.row), Number(at.col));
      return {
        cell: address(i),
        color: fill.color,
        pattern: fill.pattern,
        patternColor:
          fill.pattern === "Solid" || fill.pattern === "None" ? null : fill.patternColor,
        note: model.noteOf(sheet, Number(at.row), Number(at.col)),
      };
    });
  });
}

/** Fills as WPS reads them: Pattern, Color, PatternColor of each cell's Interior. */
function interiors({ sim }: WpsSimHost) {
  const sheets = sim.Application.ActiveWorkbook.Worksheets;
  return SHEETS.map((name) => {
    const sheet = sheets.Item(name) as Et.Worksheet;
    return Array.from({ length: CELLS }, (_, i) => {
      const interior = sheet.Range(address(i)).Interior;
      return [interior.Pattern, interior.Color, interior.ColorIndex] as unknown[];
    });
  });
}

function ledgerRows(model: WorkbookModel): string[] {
  const sheet = model.sheetByKey(LEDGER_SHEET);
  if (!sheet) return [];
  const rows: string[] = [];
  for (let r = 1; ; r++) {
    const value = sheet.ws.getCell(r, 1).value;
    if (value === null || value === undefined || value === "") return rows;
    rows.push(String(value));
  }
}

const cases = sheetCases;

describe("mark → save → reopen → clear in WPS", () => {
  it("gives every cell its fill (no fill, white, colours, patterns) and 批注 back exactly", async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (cells) => {
        const bytes = await bytesOf(buildWorkbook(cells));
        const findings = findingsOf(cells);
        const marked = cells.flat().filter((c) => c.severity !== null).length;

        const original = await wpsHost(bytes);
        const before = looks(original.sim.model);
        const interiorsBefore = interiors(original);
        const summary = await original.host.mark(findings);
        expect(summary).toMatchObject({ marked, skipped: [], notesOmitted: false });

        const during = looks(original.sim.model);
        cells.forEach((sheetCells, s) =>
          sheetCells.forEach((cell, i) => {
            const now = during[s][i];
            if (cell.severity === null) {
              expect(now).toEqual(before[s][i]);
              return;
            }
            expect(now.pattern).toBe("Solid");
            expect(now.color.slice(1)).toBe(
              MARK_COLOR[mostSevere(findings, SHEETS[s], address(i))],
            );
            expect(now.note).toContain(NOTE_MARKER);
            if (cell.note !== null) {
              expect(now.note!.startsWith(`${cell.note}\n${NOTE_MARKER}`)).toBe(true);
            }
          }),
        );
        expect(ledgerRows(original.sim.model)).toHaveLength(marked + 2);

        const reopened = await wpsHost(await original.sim.toXlsx());
        const cleared = await reopened.host.clearMarks();
        expect(cleared).toEqual({ restored: marked, skipped: [] });
        expect(looks(reopened.sim.model)).toEqual(before);
        expect(interiors(reopened)).toEqual(interiorsBefore);
        expect(ledgerRows(reopened.sim.model)).toHaveLength(2);
        expect(reopened.sim.model.sheetByKey(LEDGER_SHEET)!.ws.state).toBe("veryHidden");
      }),
      { numRuns: 10 },
    );
  });
});

function mostSevere(findings: readonly Finding[], sheet: string, cell: string): Severity {
  const severities = findings
    .filter((f) => f.sheet === sheet && f.cell === cell)
    .map((f) => f.severity);
  return severities.includes("error")
    ? "error"
    : severities.includes("warning")
      ? "warning"
      : "info";
}

describe("cross-host: one ledger for Excel and WPS", () => {
  it("marked in Excel, saved, cleared in WPS: every cell exactly as before", async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (cells) => {
        const bytes = await bytesOf(buildWorkbook(cells));
        const marked = cells.flat().filter((c) => c.severity !== null).length;
        const excel = await simHost(bytes);
        const before = looks(excel.sim.model);
        expect((await excel.host.mark(findingsOf(cells))).marked).toBe(marked);

        const wps = await wpsHost(await excel.sim.toXlsx());
        const cleared = await wps.host.clearMarks();
        expect(cleared).toEqual({ restored: marked, skipped: [] });
        expect(looks(wps.sim.model)).toEqual(before);
      }),
      { numRuns: 6 },
    );
  });

  it("marked in WPS, saved, cleared in Excel: every cell exactly as before", async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (cells) => {
        const bytes = await bytesOf(buildWorkbook(cells));
        const marked = cells.flat().filter((c) => c.severity !== null).length;
        const wps = await wpsHost(bytes);
        const before = looks(wps.sim.model);
        expect((await wps.host.mark(findingsOf(cells))).marked).toBe(marked);

        const excel = await simHost(await wps.sim.toXlsx());
        const cleared = await excel.host.clearMarks();
        expect(cleared).toEqual({ restored: marked, skipped: [] });
        expect(looks(excel.sim.model)).toEqual(before);
      }),
      { numRuns: 6 },
    );
  });
});

function fillAt({ sim }: WpsSimHost, sheet: string, cell: string) {
  const model = sim.model.sheetByKey(sheet)!;
  const at = model.ws.getCell(cell);
  const fill = sim.model.fillOf(model, Number(at.row), Number(at.col));
  return fill.pattern === "None" ? "none" : fill.color;
}

function noteAt({ sim }: WpsSimHost, sheet: string, cell: string) {
  const model = sim.model.sheetByKey(sheet)!;
  const at = model.ws.getCell(cell);
  return sim.model.noteOf(model, Number(at.row), Number(at.col));
}

describe("marking in WPS", () => {
  it("clears the previous marks first: five passes leave one ledger row per marked cell", async () => {
    const env = await wpsHost(plainWorkbook());
    for (let pass = 0; pass < 5; pass++) {
      const findings = Array.from({ length: 4 + pass }, (_, i) =>
        finding("表一", `A${i + pass + 1}`),
      );
      const summary = await env.host.mark(findings);
      expect(summary.marked).toBe(4 + pass);
      expect(summary.cleared.restored).toBe(pass === 0 ? 0 : 3 + pass);
      expect(ledgerRows(env.sim.model)).toHaveLength(4 + pass + 2);
      expect(ledgerRows(env.sim.model)[0]).toBe(LEDGER_TAG);
    }
    expect(fillAt(env, "表一", "A1")).toBe("none");
    expect(fillAt(env, "表一", "A5")).toBe(`#${MARK_COLOR.error}`);
    await env.host.clearMarks();
    for (let r = 1; r <= 12; r++) {
      expect(fillAt(env, "表一", `A${r}`)).toBe("none");
      expect(noteAt(env, "表一", `A${r}`)).toBeNull();
    }
  });

  it("leaves the user on the sheet they were on when it creates the ledger sheet", async () => {
    const env = await wpsHost(plainWorkbook(["甲", "乙"]));
    env.sim.userActivate("乙");
    await env.host.mark([finding("甲", "A1")]);
    expect((env.sim.Application.ActiveSheet as Et.Worksheet).Name).toBe("乙");
    expect(env.sim.model.sheetByKey(LEDGER_SHEET)!.ws.state).toBe("veryHidden");
  });

  it("does not say undo history was emptied when it creates the ledger (unverified in WPS)", async () => {
    const env = await wpsHost(plainWorkbook());
    const first = await env.host.mark([finding("表一", "A1")]);
    // The ledger sheet was created by this marking; only Excel is documented to empty undo then.
    expect(env.sim.model.sheetByKey(LEDGER_SHEET)!.ws.state).toBe("veryHidden");
    expect(first.undoCleared).toBe(false);
    expect((await env.host.mark([finding("表一", "A2")])).undoCleared).toBe(false);
  });

  it("marks a sheet protected without a password and protects it again with the same options", async () => {
    const workbook = plainWorkbook(["模板"]);
    await workbook.getWorksheet("模板")!.protect("", { formatColumns: true, insertRows: true });
    const env = await wpsHost(workbook);
    const sheet = env.sim.model.sheetByKey("模板")!;
    const optionsBefore = { ...env.sim.model.protection(sheet) };
    expect(optionsBefore).toMatchObject({ formatColumns: true, insertRows: true });
    const summary = await env.host.mark([finding("模板", "A3")]);
    expect(summary.marked).toBe(1);
    expect(fillAt(env, "模板", "A3")).toBe(`#${MARK_COLOR.error}`);
    expect(env.sim.model.isProtected(sheet)).toBe(true);
    expect(env.sim.model.protection(sheet)).toMatchObject({
      formatColumns: true,
      insertRows: true,
    });
    const cleared = await env.host.clearMarks();
    expect(cleared.restored).toBe(1);
    expect(fillAt(env, "模板", "A3")).toBe("none");
    expect(env.sim.model.isProtected(sheet)).toBe(true);
    expect(env.sim.model.protection(sheet)).toMatchObject({
      formatColumns: true,
      insertRows: true,
    });
  });

  it("never touches a password-protected sheet, and says why", async () => {
    const workbook = plainWorkbook(["甲", "乙", "丙", "丁"]);
    await workbook.getWorksheet("乙")!.protect("", {});
    const env = await wpsHost(workbook);
    env.sim.protectWithPassword("甲", "secret");
    env.sim.protectWithPassword("丙", "secret");
    const summary = await env.host.mark(["甲", "乙", "丙", "丁"].map((s) => finding(s, "A2")));
    expect(summary.marked).toBe(2);
    expect(summary.skipped.map((s) => [s.sheet, s.cell])).toEqual([
      ["甲", "A2"],
      ["丙", "A2"],
    ]);
    expect(summary.skipped[0].reason).toBe(
      "工作表“甲”设有密码保护，未标记；请先撤销保护再校验标记",
    );
    for (const name of ["甲", "丙"]) {
      expect(fillAt(env, name, "A2")).toBe("none");
      expect(noteAt(env, name, "A2")).toBeNull();
      expect(env.sim.model.isPasswordProtected(env.sim.model.sheetByKey(name)!)).toBe(true);
    }
    expect(fillAt(env, "乙", "A2")).toBe(`#${MARK_COLOR.error}`);
    expect(env.sim.model.isProtected(env.sim.model.sheetByKey("乙")!)).toBe(true);
    expect(fillAt(env, "丁", "A2")).toBe(`#${MARK_COLOR.error}`);
  });

  it("keeps the marks of a sheet that got a password after marking, and clears them once it is lifted", async () => {
    const env = await wpsHost(plainWorkbook(["甲", "乙"]));
    await env.host.mark([finding("甲", "A2"), finding("乙", "A2")]);
    env.sim.protectWithPassword("甲", "secret");
    const cleared = await env.host.clearMarks();
    expect(cleared.restored).toBe(1);
    expect(cleared.skipped).toEqual([
      {
        sheet: "甲",
        cell: "A2",
        reason: "工作表“甲”设有密码保护，标记未清除；请先撤销保护再清除标记",
      },
    ]);
    expect(fillAt(env, "甲", "A2")).toBe(`#${MARK_COLOR.error}`);
    (env.sim.Application.ActiveWorkbook.Worksheets.Item("甲") as Et.Worksheet).Unprotect("secret");
    expect(await env.host.clearMarks()).toEqual({ restored: 1, skipped: [] });
    expect(fillAt(env, "甲", "A2")).toBe("none");
  });

  it("after a marked row was deleted, restores the marks that moved and reports the deleted one", async () => {
    const env = await wpsHost(plainWorkbook());
    await env.host.mark([finding("表一", "A3"), finding("表一", "A5"), finding("表一", "A8")]);
    env.sim.userDeleteRows("表一", 5);
    const cleared = await env.host.clearMarks();
    // A3 in place, A8 moved up to A7 and found by its note; A5 is gone.
    expect(cleared.restored).toBe(2);
    expect(cleared.skipped.map((s) => s.cell)).toEqual(["A5"]);
    expect(cleared.skipped[0].reason).toMatch(/^单元格已被移动或删除/);
    for (let r = 1; r <= 29; r++) {
      expect(fillAt(env, "表一", `A${r}`)).toBe("none");
      expect(noteAt(env, "表一", `A${r}`)).toBeNull();
    }
    expect(ledgerRows(env.sim.model)).toHaveLength(2);
  });

  it("leaves a cell the user recoloured alone and keeps the user's edit of the note", async () => {
    const workbook = plainWorkbook();
    workbook.getWorksheet("表一")!.getCell("A4").note = "我的批注";
    const env = await wpsHost(workbook);
    await env.host.mark([finding("表一", "A2"), finding("表一", "A4")]);
    const sheet = env.sim.Application.ActiveWorkbook.Worksheets.Item("表一") as Et.Worksheet;
    sheet.Range("A2").Interior.Color = 0x00ff00;
    const cleared = await env.host.clearMarks();
    expect(cleared.restored).toBe(2);
    expect(fillAt(env, "表一", "A2")).toBe("#00FF00");
    expect(noteAt(env, "表一", "A2")).toBeNull();
    expect(noteAt(env, "表一", "A4")).toBe("我的批注");
    expect(fillAt(env, "表一", "A4")).toBe("none");
  });

  it("drops the marks of a deleted sheet from the ledger and says so", async () => {
    const env = await wpsHost(plainWorkbook(["甲", "乙"]));
    await env.host.mark([finding("甲", "A1"), finding("乙", "A1")]);
    env.sim.Application.DisplayAlerts = false;
    (env.sim.Application.ActiveWorkbook.Worksheets.Item("乙") as Et.Worksheet).Delete();
    const cleared = await env.host.clearMarks();
    expect(cleared.restored).toBe(1);
    expect(cleared.skipped).toEqual([
      { sheet: "乙", cell: "A1", reason: "工作表“乙”已不存在，其中的标记无法恢复，已从记录中移除" },
    ]);
  });

  it("reports findings on missing sheets or without a cell as not marked", async () => {
    const env = await wpsHost(plainWorkbook());
    const summary = await env.host.mark([
      finding("表一", "A1"),
      finding("没有这张表", "A1"),
      { ...finding("表一", ""), cell: "" },
    ]);
    expect(summary.marked).toBe(1);
    expect(summary.skipped).toEqual([
      {
        sheet: "没有这张表",
        cell: "A1",
        reason: "找不到工作表“没有这张表”，未标记；请重新校验后再标记",
      },
    ]);
  });

  it("refuses to create the ledger in a workbook whose structure is protected, touching nothing", async () => {
    const env = await wpsHost(plainWorkbook());
    env.sim.protectStructure();
    await expect(env.host.mark([finding("表一", "A1")])).rejects.toThrow(/工作簿结构受保护/);
    expect(fillAt(env, "表一", "A1")).toBe("none");
    expect(env.sim.model.sheetByKey(LEDGER_SHEET)).toBeUndefined();
  });
});
