import { describe, expect, it } from "vitest";
import { LEDGER_SHEET } from "../../../src/hosts/marks/ledger";
import { toHostError } from "../../../src/hosts/wps/errors";
import { HostError, type CellEdit } from "../../../src/hosts/types";
import {
  editFindings as findings,
  editWorkbook as workbook,
  editWorkbookWithText,
} from "../../support/host-fixtures";
import { simHost } from "../excel/sim-host";
import { wpsHost } from "./sim-host";

describe("our own writes and the user's edits", () => {
  for (const eventDelivery of ["sync", "async"] as const) {
    it(`reports the user's edits, never the adapter's own writes (events delivered ${eventDelivery})`, async () => {
      const env = await wpsHost(workbook(), { eventDelivery });
      const seen: CellEdit[] = [];
      const remove = await env.host.onUserEdit((edits) => seen.push(...edits));
      expect(remove).not.toBeNull();

      await env.host.mark(findings);
      await env.host.writeCell("自评表", "A5", 99.04);
      await env.host.clearMarks();
      await env.host.insertTemplate("project", { year: 2025 });
      await env.host.writeReport(findings);
      await env.host.saveSetting("profile", "shanghai");
      await env.sim.settle();
      expect(seen).toEqual([]);
      expect(env.sim.enableEvents).toBe(true);

      env.sim.userEdit("Other Sheet", "B2:C3", [
        [1, 2],
        [3, 4],
      ]);
      await env.sim.settle();
      expect(seen).toEqual([{ sheet: "Other Sheet", address: "B2:C3" }]);

      await remove!();
      env.sim.userEdit("自评表", "B2", 4);
      await env.sim.settle();
      expect(seen).toHaveLength(1);
    });
  }

  it("drops a change WPS delivers while a write of ours runs even with EnableEvents ignored", async () => {
    const env = await wpsHost(workbook(), { eventDelivery: "async" }, { quietMs: 60_000 });
    const seen: CellEdit[] = [];
    await env.host.onUserEdit((edits) => seen.push(...edits));
    // A WPS that queues the event and delivers it after the write returned, EnableEvents or not.
    env.sim.Application.EnableEvents = true;
    const write = env.host.writeCell("自评表", "A5", 1);
    env.sim.userEdit("自评表", "A6", 2);
    await write;
    await env.sim.settle();
    expect(seen).toEqual([]);
  });

  it("restores the events switch even when a write fails", async () => {
    const env = await wpsHost(workbook());
    await expect(env.host.writeCell("没有", "A1", 1)).rejects.toThrow(HostError);
    expect(env.sim.enableEvents).toBe(true);
  });
});

describe("cells, report and settings", () => {
  it("selects a cell on its sheet and writes one value through Value2", async () => {
    const env = await wpsHost(workbook());
    await env.host.selectCell("Other Sheet", "c7");
    const model = env.sim.model;
    expect(model.activeSheetId).toBe(model.sheetByKey("Other Sheet")!.id);
    expect(model.selection?.rect).toEqual({ top: 7, left: 3, bottom: 7, right: 3 });

    env.sim.resetCalls();
    await env.host.writeCell("自评表", "B2", 0.9904);
    expect(env.sim.calls["Range.Value2="]).toBe(1);
    expect(env.sim.calls["Range.Value()"]).toBeUndefined();
    await env.host.writeCell("自评表", "B3", "优");
    const sheet = model.sheetByKey("自评表")!.ws;
    expect(sheet.getCell("B2").value).toBe(0.9904);
    expect(sheet.getCell("B3").value).toBe("优");
    await expect(env.host.writeCell("自评表", "B2:B3", 1)).rejects.toThrow(HostError);
  });

  it("writes NumberFormat then Value2 into a text-formatted cell: a number that shows the same text", async () => {
    const env = await wpsHost(editWorkbookWithText("99.04%"));
    const model = env.sim.model;
    const sheet = model.sheetByKey("自评表")!;
    expect(model.cellView(sheet, 4, 2)).toMatchObject({ value: "99.04%", text: "99.04%" });

    env.sim.resetCalls();
    await env.host.writeCell("自评表", "B4", 0.9904, "0.00%");
    expect(env.sim.calls["Range.NumberFormat="]).toBe(1);
    expect(env.sim.calls["Range.Value2="]).toBe(1);
    expect(model.cellView(sheet, 4, 2)).toMatchObject({
      value: 0.9904,
      text: "99.04%",
      numberFormat: "0.00%",
    });
    // Without a format the cell keeps its own.
    await env.host.writeCell("自评表", "B4", 0.5);
    expect(model.cellView(sheet, 4, 2)).toMatchObject({ value: 0.5, text: "50.00%" });
  });

  it("says in Chinese when a sheet is gone, or a cell is locked on a protected sheet", async () => {
    const book = workbook();
    await book.getWorksheet("自评表")!.protect("", {});
    const env = await wpsHost(book);
    const error = await env.host.selectCell("不存在", "A1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).message).toBe(
      "找不到工作表“不存在”，它可能已被删除或重命名；请重新校验后再试。",
    );
    await expect(env.host.writeCell("自评表", "A1", 5)).rejects.toThrow(/受保护/);
    expect(env.sim.model.sheetByKey("自评表")!.ws.getCell("A1").value).toBe(1);
  });

  it("writes a 校验结果 sheet listing every finding, as text, with a new name each time", async () => {
    const env = await wpsHost(workbook());
    const first = await env.host.writeReport([
      ...findings,
      { rule: "required-field", severity: "warning", sheet: "2025", cell: "B1", message: "001" },
    ]);
    const second = await env.host.writeReport([]);
    expect(first.sheet).toBe("校验结果");
    expect(second.sheet).toBe("校验结果 (2)");
    const sheet = env.sim.model.sheetByKey("校验结果")!.ws;
    const row = (r: number) => [1, 2, 3, 4, 5].map((c) => sheet.getCell(r, c).value);
    expect(row(1)).toEqual(["工作表", "单元格", "级别", "规则", "问题与处理建议"]);
    expect(row(2)).toEqual(["自评表", "A2", "错误", "exec-rate-mismatch", "执行率有误"]);
    expect(row(3)).toEqual(["自评表", "A3", "提示", "budget-adjusted", "预算调整"]);
    expect(row(4)).toEqual(["2025", "B1", "警告", "required-field", "001"]);
    expect(env.sim.model.sheetByKey("校验结果 (2)")!.ws.getCell("E2").value).toBe("未发现问题");
  });

  it("keeps settings in the workbook, across save and reopen, and shares them with Excel", async () => {
    const env = await wpsHost(workbook());
    expect(await env.host.loadSetting("profile")).toBeNull();
    await env.host.saveSetting("profile", "shanghai");
    await env.host.saveSetting("profile", "capped");
    const reopened = await wpsHost(await env.sim.toXlsx());
    expect(await reopened.host.loadSetting("profile")).toBe("capped");
    // Chosen in WPS, seen in Excel; chosen in Excel, seen in WPS.
    const excel = await simHost(await env.sim.toXlsx());
    expect(await excel.host.loadSetting("profile")).toBe("capped");
    await excel.host.saveSetting("profile", "national");
    const back = await wpsHost(await excel.sim.toXlsx());
    expect(await back.host.loadSetting("profile")).toBe("national");
  });
});

describe("capabilities and refusals", () => {
  it("has notes and live re-check on a current WPS, with nothing to say", async () => {
    const env = await wpsHost(workbook());
    expect(await env.host.capabilities()).toEqual({
      notes: true,
      liveRecheck: true,
      templates: true,
      limitations: [],
    });
    expect(env.host.hostLabel).toBe("WPS 表格");
  });

  it("says which version custom functions need on an older WPS, with the version it runs", async () => {
    const env = await wpsHost(workbook(), { version: "11.1.0.11720" });
    const capabilities = await env.host.capabilities();
    expect(capabilities.limitations).toHaveLength(1);
    expect(capabilities.limitations[0]).toMatch(
      /^当前 WPS 版本（11\.1\.0\.11720[^）]*）不支持自定义函数（需要 WPS 12\.1\.0\.20540 或更高版本），PERF 函数不可用；校验、标记和模板不受影响。$/,
    );
    expect(capabilities.notes).toBe(true);
  });

  it("has no live re-check where wps.ApiEvent is missing, and says so", async () => {
    const env = await wpsHost(workbook(), {}, { wps: {} });
    const capabilities = await env.host.capabilities();
    expect(capabilities.liveRecheck).toBe(false);
    expect(capabilities.limitations.some((s) => s.includes("wps.ApiEvent"))).toBe(true);
    expect(await env.host.onUserEdit(() => undefined)).toBeNull();
  });

  it("leaves the workbook untouched when its structure is protected", async () => {
    const env = await wpsHost(workbook());
    env.sim.protectStructure();
    const error = await env.host.mark(findings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).message).toContain("撤销“保护工作簿”");
    expect(env.sim.model.sheetByKey(LEDGER_SHEET)).toBeUndefined();
  });

  it("turns COM exceptions into one Chinese sentence", () => {
    const com = (number: number) => Object.assign(new Error("x"), { number });
    expect(toHostError(com(-2147352565)).message).toMatch(/找不到/);
    expect(toHostError(new Error("boom")).message).toMatch(/^WPS 表格执行操作时出错/);
    const own = new HostError("已有的说明");
    expect(toHostError(own)).toBe(own);
  });
});
