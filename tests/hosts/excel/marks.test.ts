import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/findings";
import { LEDGER_SHEET, LEDGER_TAG, MARK_COLOR, NOTE_MARKER } from "../../../src/hosts/marks/ledger";
import {
  address,
  buildWorkbook,
  finding,
  findingsOf,
  plainWorkbook,
  sheetCases,
  SHEETS,
  SIZE,
} from "../../support/host-fixtures";
import { bytesOf, simHost, syncsOf, type SimHost } from "./sim-host";

/** Every cell's fill (as Office.js reads it) and note, sheet by sheet. */
function looks({ sim }: SimHost, cells: number) {
  return SHEETS.map((name) => {
    const sheet = sim.model.sheetByKey(name)!;
    return Array.from({ length: cells }, (_, i) => {
      const at = sheet.ws.getCell(address(i));
      const fill = sim.model.fillOf(sheet, Number(at.row), Number(at.col));
      return {
        cell: address(i),
        color: fill.color,
        pattern: fill.pattern,
        patternColor:
          fill.pattern === "Solid" || fill.pattern === "None" ? null : fill.patternColor,
        note: sim.model.noteOf(sheet, Number(at.row), Number(at.col)),
      };
    });
  });
}

function ledgerRows({ sim }: SimHost): string[] {
  const sheet = sim.model.sheetByKey(LEDGER_SHEET);
  if (!sheet) return [];
  const rows: string[] = [];
  for (let r = 1; ; r++) {
    const value = sheet.ws.getCell(r, 1).value;
    if (value === null || value === undefined || value === "") return rows;
    rows.push(String(value));
  }
}

describe("mark → save → reopen → clear", () => {
  it("gives every cell its fill (no fill, white, colours, patterns) and note back exactly", async () => {
    await fc.assert(
      fc.asyncProperty(sheetCases, async (cases) => {
        const bytes = await bytesOf(buildWorkbook(cases));
        const findings = findingsOf(cases);
        const marked = cases.flat().filter((c) => c.severity !== null).length;

        const original = await simHost(bytes);
        const before = looks(original, SIZE * 2);
        const summary = await original.host.mark(findings);
        expect(summary.marked).toBe(marked);
        expect(summary.skipped).toEqual([]);
        expect(summary.notesOmitted).toBe(false);

        // Marked cells show the severity fill and our note under the user's own.
        const during = looks(original, SIZE * 2);
        cases.forEach((cells, s) =>
          cells.forEach((cell, i) => {
            const now = during[s][i];
            if (cell.severity === null) {
              expect(now).toEqual(before[s][i]);
              return;
            }
            expect(now.pattern).toBe("Solid");
            expect([MARK_COLOR.error, MARK_COLOR.warning, MARK_COLOR.info]).toContain(
              now.color.slice(1),
            );
            expect(now.note).toContain(NOTE_MARKER);
            if (cell.note !== null)
              expect(now.note!.startsWith(`${cell.note}\n${NOTE_MARKER}`)).toBe(true);
          }),
        );
        expect(ledgerRows(original)).toHaveLength(marked + 2);

        const reopened = await simHost(await original.sim.toXlsx());
        const cleared = await reopened.host.clearMarks();
        expect(cleared.restored).toBe(marked);
        expect(cleared.skipped).toEqual([]);
        expect(looks(reopened, SIZE * 2)).toEqual(before);
        expect(ledgerRows(reopened)).toHaveLength(2);
        // The ledger sheet stays very hidden.
        expect(reopened.sim.model.sheetByKey(LEDGER_SHEET)!.ws.state).toBe("veryHidden");
      }),
      { numRuns: 12 },
    );
  });
});

function fillAt({ sim }: SimHost, sheet: string, cell: string) {
  const model = sim.model.sheetByKey(sheet)!;
  const at = model.ws.getCell(cell);
  return sim.model.fillOf(model, Number(at.row), Number(at.col)).color;
}

function noteAt({ sim }: SimHost, sheet: string, cell: string) {
  const model = sim.model.sheetByKey(sheet)!;
  const at = model.ws.getCell(cell);
  return sim.model.noteOf(model, Number(at.row), Number(at.col));
}

describe("marking", () => {
  it("uses the same number of syncs for 3 cells and 300 cells on 1 or 6 sheets", async () => {
    const few = await simHost(plainWorkbook());
    const many = await simHost(plainWorkbook(["A", "B", "C", "D", "E", "F"]));
    const manyFindings = ["A", "B", "C", "D", "E", "F"].flatMap((sheet) =>
      Array.from({ length: 50 }, (_, i) => finding(sheet, `B${i + 1}`)),
    );
    const syncsFew = await syncsOf(few.sim, () =>
      few.host.mark([finding("表一", "A1"), finding("表一", "A2"), finding("表一", "A3")]),
    );
    const syncsMany = await syncsOf(many.sim, () => many.host.mark(manyFindings));
    expect(syncsMany).toBe(syncsFew);
    expect(syncsFew).toBeLessThanOrEqual(6);
    // Clearing and marking again (the usual re-check) costs no more than the first mark.
    expect(await syncsOf(many.sim, () => many.host.mark(manyFindings))).toBe(syncsFew);
  });

  it("clears the previous marks first: five passes leave one ledger row per marked cell", async () => {
    const env = await simHost(plainWorkbook());
    for (let pass = 0; pass < 5; pass++) {
      const findings = Array.from({ length: 4 + pass }, (_, i) =>
        finding("表一", `A${i + pass + 1}`),
      );
      const summary = await env.host.mark(findings);
      expect(summary.marked).toBe(4 + pass);
      expect(summary.cleared.restored).toBe(pass === 0 ? 0 : 3 + pass);
      expect(ledgerRows(env)).toHaveLength(4 + pass + 2);
      expect(ledgerRows(env)[0]).toBe(LEDGER_TAG);
    }
    // A1…A4 of the first pass are no longer findings: their fills are gone.
    expect(fillAt(env, "表一", "A1")).toBe("#FFFFFF");
    expect(fillAt(env, "表一", "A5")).toBe(`#${MARK_COLOR.error}`);
    await env.host.clearMarks();
    for (let r = 1; r <= 12; r++) {
      expect(fillAt(env, "表一", `A${r}`)).toBe("#FFFFFF");
      expect(noteAt(env, "表一", `A${r}`)).toBeNull();
    }
  });

  it("marks a sheet protected without a password and protects it again with the same options", async () => {
    const workbook = plainWorkbook(["模板"]);
    await workbook.getWorksheet("模板")!.protect("", { formatColumns: true, insertRows: true });
    const env = await simHost(workbook);
    const sheet = env.sim.model.sheetByKey("模板")!;
    const optionsBefore = { ...env.sim.model.protection(sheet) };
    const summary = await env.host.mark([finding("模板", "A3")]);
    expect(summary.marked).toBe(1);
    expect(fillAt(env, "模板", "A3")).toBe(`#${MARK_COLOR.error}`);
    expect(env.sim.model.isProtected(sheet)).toBe(true);
    expect(env.sim.model.protection(sheet)).toMatchObject({
      formatColumns: optionsBefore.formatColumns,
      insertRows: optionsBefore.insertRows,
    });
    const cleared = await env.host.clearMarks();
    expect(cleared.restored).toBe(1);
    expect(fillAt(env, "模板", "A3")).toBe("#FFFFFF");
    expect(env.sim.model.isProtected(sheet)).toBe(true);
  });

  for (const online of [false, true]) {
    it(`never touches a password-protected sheet (${online ? "isPasswordProtected" : "trying unprotect"})`, async () => {
      const workbook = plainWorkbook(["甲", "乙", "丙", "丁"]);
      await workbook.getWorksheet("乙")!.protect("", {});
      const env = await simHost(workbook, {
        requirements: online ? { ExcelApi: "1.18", ExcelApiOnline: "1.1" } : { ExcelApi: "1.18" },
      });
      env.sim.protectWithPassword("甲", "secret");
      env.sim.protectWithPassword("丙", "secret");
      const summary = await env.host.mark(
        ["甲", "乙", "丙", "丁"].map((sheet) => finding(sheet, "A2")),
      );
      expect(summary.marked).toBe(2);
      expect(summary.skipped.map((s) => [s.sheet, s.cell])).toEqual([
        ["甲", "A2"],
        ["丙", "A2"],
      ]);
      expect(summary.skipped[0].reason).toBe(
        "工作表“甲”设有密码保护，未标记；请先撤销保护再校验标记",
      );
      for (const name of ["甲", "丙"]) {
        expect(fillAt(env, name, "A2")).toBe("#FFFFFF");
        expect(noteAt(env, name, "A2")).toBeNull();
        expect(env.sim.model.isProtected(env.sim.model.sheetByKey(name)!)).toBe(true);
      }
      expect(fillAt(env, "乙", "A2")).toBe(`#${MARK_COLOR.error}`);
      expect(env.sim.model.isProtected(env.sim.model.sheetByKey("乙")!)).toBe(true);
      expect(fillAt(env, "丁", "A2")).toBe(`#${MARK_COLOR.error}`);
    });
  }

  it("marks with fills only where notes are missing (ExcelApi below 1.18), and says so", async () => {
    const workbook = plainWorkbook();
    workbook.getWorksheet("表一")!.getCell("A2").note = "用户的批注";
    const env = await simHost(workbook, { requirements: { ExcelApi: "1.17" } });
    const capabilities = await env.host.capabilities();
    expect(capabilities.notes).toBe(false);
    expect(capabilities.limitations.filter((s) => s.includes("批注"))).toHaveLength(1);
    const summary = await env.host.mark([finding("表一", "A2"), finding("表一", "A3", "warning")]);
    expect(summary.notesOmitted).toBe(true);
    expect(summary.marked).toBe(2);
    expect(fillAt(env, "表一", "A3")).toBe(`#${MARK_COLOR.warning}`);
    expect(noteAt(env, "表一", "A2")).toBe("用户的批注");
    expect(noteAt(env, "表一", "A3")).toBeNull();
    const reopened = await simHost(await env.sim.toXlsx(), { requirements: { ExcelApi: "1.17" } });
    const cleared = await reopened.host.clearMarks();
    expect(cleared).toEqual({ restored: 2, skipped: [] });
    expect(fillAt(reopened, "表一", "A3")).toBe("#FFFFFF");
    expect(noteAt(reopened, "表一", "A2")).toBe("用户的批注");
  });

  it("below ExcelApi 1.9 restores colours, and white as no fill (no tell without fill.pattern)", async () => {
    const workbook = plainWorkbook();
    const sheet = workbook.getWorksheet("表一")!;
    sheet.getCell("A2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
    sheet.getCell("A3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFFFF" } };
    const env = await simHost(workbook, { requirements: { ExcelApi: "1.8" } });
    const capabilities = await env.host.capabilities();
    expect(capabilities.limitations.some((s) => s.includes("无填充"))).toBe(true);
    await env.host.mark([finding("表一", "A2"), finding("表一", "A3"), finding("表一", "A4")]);
    expect(fillAt(env, "表一", "A2")).toBe(`#${MARK_COLOR.error}`);
    await env.host.clearMarks();
    const model = env.sim.model;
    const fill = (row: number) => model.fillOf(model.sheetByKey("表一")!, row, 1);
    expect(fill(2)).toMatchObject({ color: "#00B050", pattern: "Solid" });
    expect(fill(3).pattern).toBe("None");
    expect(fill(4).pattern).toBe("None");
  });

  it("after a marked row was deleted, restores every mark that still exists and reports the rest", async () => {
    const workbook = plainWorkbook();
    const sheet = workbook.getWorksheet("表一")!;
    sheet.getCell("A9").note = "用户原有批注";
    sheet.getCell("A9").fill = {
      type: "pattern",
      pattern: "darkGrid",
      fgColor: { argb: "FF112233" },
    };
    const env = await simHost(workbook);
    const same = (cell: string): Finding => ({
      ...finding("表一", cell),
      message: "偏差原因未填写",
    });
    await env.host.mark([finding("表一", "A3"), finding("表一", "A5"), same("A8"), same("A9")]);
    await env.sim.userDeleteRows("表一", 5);
    const reopened = await simHost(await env.sim.toXlsx());
    const cleared = await reopened.host.clearMarks();
    // A3 stayed, A8 and A9 moved up to A7 and A8 and are found by their notes; A5 is gone.
    expect(cleared.restored).toBe(3);
    expect(cleared.skipped.map((s) => s.cell)).toEqual(["A5"]);
    expect(cleared.skipped[0].reason).toMatch(/^单元格已被移动或删除/);
    for (let r = 1; r <= 12; r++) {
      if (r === 8) continue;
      expect(fillAt(reopened, "表一", `A${r}`)).toBe("#FFFFFF");
      expect(noteAt(reopened, "表一", `A${r}`)).toBeNull();
    }
    expect(noteAt(reopened, "表一", "A8")).toBe("用户原有批注");
    const model = reopened.sim.model;
    const a8 = model.fillOf(model.sheetByKey("表一")!, 8, 1);
    expect([a8.pattern, a8.patternColor]).toEqual(["Checker", "#112233"]);
    expect(ledgerRows(reopened)).toHaveLength(2);
  });

  it("keeps the user's edit of a marked cell's note and removes only our part", async () => {
    const env = await simHost(plainWorkbook());
    await env.host.mark([finding("表一", "A4")]);
    const model = env.sim.model.sheetByKey("表一")!;
    const ours = noteAt(env, "表一", "A4")!;
    env.sim.model.setNote(model, 4, 1, `我补充的说明\n${ours}`);
    const cleared = await env.host.clearMarks();
    expect(cleared).toEqual({ restored: 1, skipped: [] });
    expect(noteAt(env, "表一", "A4")).toBe("我补充的说明");
    expect(fillAt(env, "表一", "A4")).toBe("#FFFFFF");
  });

  it("drops the marks of a deleted sheet from the ledger and says so", async () => {
    const env = await simHost(plainWorkbook(["甲", "乙"]));
    await env.host.mark([finding("甲", "A1"), finding("乙", "A1")]);
    await env.sim.run(async (simContext) => {
      const context = simContext as unknown as Excel.RequestContext;
      context.workbook.worksheets.getItem("乙").delete();
      await context.sync();
    });
    const cleared = await env.host.clearMarks();
    expect(cleared.restored).toBe(1);
    expect(cleared.skipped).toHaveLength(1);
    expect(cleared.skipped[0]).toMatchObject({ sheet: "乙", cell: "A1" });
    expect(cleared.skipped[0].reason).toContain("已不存在");
  });

  it("reports findings on missing sheets or without a cell as not marked", async () => {
    const env = await simHost(plainWorkbook());
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
});

describe("undo history (adding the very hidden ledger sheet empties Excel's undo stack)", () => {
  it("says so on the first marking only, the one that creates the ledger sheet", async () => {
    const env = await simHost(plainWorkbook());
    expect(env.sim.model.sheetByKey(LEDGER_SHEET)).toBeUndefined();
    let first: Awaited<ReturnType<typeof env.host.mark>> | undefined;
    const syncsFirst = await syncsOf(env.sim, async () => {
      first = await env.host.mark([finding("表一", "A1"), finding("表一", "A2")]);
    });
    expect(first!.undoCleared).toBe(true);
    expect(env.sim.model.sheetByKey(LEDGER_SHEET)!.ws.state).toBe("veryHidden");

    // The ledger exists now: marking again (also other cells) empties nothing, in as many syncs.
    let second: Awaited<ReturnType<typeof env.host.mark>> | undefined;
    const syncsSecond = await syncsOf(env.sim, async () => {
      second = await env.host.mark([finding("表一", "A3")]);
    });
    expect(second!.undoCleared).toBe(false);
    expect(second!.marked).toBe(1);
    expect(syncsFirst).toBe(5);
    expect(syncsSecond).toBe(syncsFirst);

    // Clearing keeps the (emptied) ledger sheet and reports no such thing.
    const cleared = await env.host.clearMarks();
    expect(cleared.restored).toBe(1);
    expect(Object.keys(cleared).sort()).toEqual(["restored", "skipped"]);
    expect(env.sim.model.sheetByKey(LEDGER_SHEET)).toBeDefined();
    expect((await env.host.mark([finding("表一", "A4")])).undoCleared).toBe(false);

    // Saved, reopened, all marks cleared: the ledger sheet is still there, so still false.
    const reopened = await simHost(await env.sim.toXlsx());
    await reopened.host.clearMarks();
    expect((await reopened.host.mark([finding("表一", "A5")])).undoCleared).toBe(false);
  });

  it("is false, and no ledger sheet is added, when nothing was marked", async () => {
    const env = await simHost(plainWorkbook(["甲", "乙"]));
    env.sim.protectWithPassword("乙", "secret");
    // No findings; findings only on a missing sheet or a password-protected one.
    for (const findings of [[], [finding("没有这张表", "A1")], [finding("乙", "A1")]]) {
      const summary = await env.host.mark(findings);
      expect(summary.marked).toBe(0);
      expect(summary.undoCleared).toBe(false);
      expect(env.sim.model.sheetByKey(LEDGER_SHEET)).toBeUndefined();
    }
    // The first marking that does write a mark is the one that says it.
    expect((await env.host.mark([finding("甲", "A1")])).undoCleared).toBe(true);
  });
});
