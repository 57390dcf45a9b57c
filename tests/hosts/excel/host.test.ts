import { describe, expect, it } from "vitest";
import { toHostError } from "../../../src/hosts/excel/errors";
import { LEDGER_SHEET } from "../../../src/hosts/marks/ledger";
import { HostError, type CellEdit } from "../../../src/hosts/types";
import {
  editFindings as findings,
  editWorkbook as workbook,
  editWorkbookWithText,
} from "../../support/host-fixtures";
import { simHost, syncsOf } from "./sim-host";

describe("our own writes and the user's edits", () => {
  it("reports the user's edits with sheet names, never the adapter's own writes", async () => {
    const env = await simHost(workbook());
    const seen: CellEdit[] = [];
    const remove = await env.host.onUserEdit((edits) => seen.push(...edits));
    expect(remove).not.toBeNull();

    await env.host.mark(findings);
    await env.host.writeCell("自评表", "A5", 99.04);
    await env.host.clearMarks();
    await env.host.insertTemplate("project", { year: 2025 });
    await env.host.writeReport(findings);
    await env.sim.settle();
    expect(seen).toEqual([]);

    await env.sim.userEdit("Other Sheet", "B2", 3);
    expect(seen).toEqual([{ sheet: "Other Sheet", address: "B2" }]);

    await remove!();
    await env.sim.userEdit("自评表", "B2", 4);
    expect(seen).toHaveLength(1);
  });

  it("without the events switch (ExcelApi 1.7) still drops changes made while it writes", async () => {
    const env = await simHost(workbook(), { requirements: { ExcelApi: "1.7" } });
    const seen: CellEdit[] = [];
    await env.host.onUserEdit((edits) => seen.push(...edits));
    await env.host.writeCell("自评表", "A5", 1);
    await env.sim.settle();
    expect(seen).toEqual([]);
  });
});

describe("cells, report and settings", () => {
  it("selects a cell on its sheet and writes one value as a plain value", async () => {
    const env = await simHost(workbook());
    await env.host.selectCell("Other Sheet", "c7");
    const model = env.sim.model;
    expect(model.activeSheetId).toBe(model.sheetByKey("Other Sheet")!.id);
    expect(model.selection?.rect).toEqual({ top: 7, left: 3, bottom: 7, right: 3 });

    await env.host.writeCell("自评表", "B2", 0.9904);
    await env.host.writeCell("自评表", "B3", "优");
    const sheet = model.sheetByKey("自评表")!.ws;
    expect(sheet.getCell("B2").value).toBe(0.9904);
    expect(sheet.getCell("B3").value).toBe("优");
    await expect(env.host.writeCell("自评表", "B2:B3", 1)).rejects.toThrow(HostError);
  });

  it("writes a number and its format into a text-formatted cell in one sync: a number that shows the same text", async () => {
    const env = await simHost(editWorkbookWithText("1,663.27"));
    const model = env.sim.model;
    const sheet = model.sheetByKey("自评表")!;
    expect(model.cellView(sheet, 4, 2)).toMatchObject({ value: "1,663.27", text: "1,663.27" });

    const syncs = await syncsOf(env.sim, () =>
      env.host.writeCell("自评表", "B4", 1663.27, "#,##0.00"),
    );
    expect(model.cellView(sheet, 4, 2)).toMatchObject({
      value: 1663.27,
      text: "1,663.27",
      numberFormat: "#,##0.00",
    });
    // Same count as a value-only write: the format rides in the value's sync.
    expect(syncs).toBe(await syncsOf(env.sim, () => env.host.writeCell("自评表", "B5", 2)));
    // Without a format the cell keeps its own.
    await env.host.writeCell("自评表", "B4", 0.5);
    expect(model.cellView(sheet, 4, 2)).toMatchObject({ value: 0.5, numberFormat: "#,##0.00" });
  });

  it("says in Chinese when a sheet is gone", async () => {
    const env = await simHost(workbook());
    const error = await env.host.selectCell("不存在", "A1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).message).toMatch(/找不到要操作的工作表/);
  });

  it("writes a 校验结果 sheet listing every finding, with a new name each time", async () => {
    const env = await simHost(workbook());
    const first = await env.host.writeReport(findings);
    const second = await env.host.writeReport([]);
    expect(first.sheet).toBe("校验结果");
    expect(second.sheet).toBe("校验结果 (2)");
    const sheet = env.sim.model.sheetByKey("校验结果")!.ws;
    const row = (r: number) => [1, 2, 3, 4, 5].map((c) => sheet.getCell(r, c).value);
    expect(row(1)).toEqual(["工作表", "单元格", "级别", "规则", "问题与处理建议"]);
    expect(row(2)).toEqual(["自评表", "A2", "错误", "exec-rate-mismatch", "执行率有误"]);
    expect(row(3)).toEqual(["自评表", "A3", "提示", "budget-adjusted", "预算调整"]);
    expect(env.sim.model.sheetByKey("校验结果 (2)")!.ws.getCell("E2").value).toBe("未发现问题");
  });

  it("keeps settings in the workbook, across save and reopen", async () => {
    const env = await simHost(workbook());
    expect(await env.host.loadSetting("profile")).toBeNull();
    await env.host.saveSetting("profile", "shanghai");
    await env.host.saveSetting("profile", "capped");
    const reopened = await simHost(await env.sim.toXlsx());
    expect(await reopened.host.loadSetting("profile")).toBe("capped");
  });
});

describe("requirement sets and refusals", () => {
  it("lists one Chinese sentence per missing set", async () => {
    const full = await simHost(workbook());
    expect((await full.host.capabilities()).limitations).toEqual([]);
    const old = await simHost(workbook(), { requirements: { ExcelApi: "1.7" } });
    const capabilities = await old.host.capabilities();
    expect(capabilities).toMatchObject({ notes: false, liveRecheck: true, templates: true });
    expect(capabilities.limitations).toHaveLength(5);
    for (const sentence of capabilities.limitations) expect(sentence).toMatch(/[\u4e00-\u9fff]/);
  });

  it("refuses an Excel below ExcelApi 1.7 with one sentence, for every call", async () => {
    const env = await simHost(workbook(), { requirements: { ExcelApi: "1.6" } });
    const capabilities = await env.host.capabilities();
    expect(capabilities.liveRecheck).toBe(false);
    expect(capabilities.limitations).toHaveLength(1);
    await expect(env.host.readWorkbook("workbook")).rejects.toThrow(capabilities.limitations[0]);
    expect(await env.host.onUserEdit(() => undefined)).toBeNull();
  });

  it("refuses to mark a workbook with protected structure (no ledger sheet can be added)", async () => {
    const env = await simHost(workbook());
    env.sim.model.structureProtected = true;
    const error = await env.host.mark(findings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).message).toContain("撤销“保护工作簿”");
    expect(env.sim.model.sheetByKey(LEDGER_SHEET)).toBeUndefined();
    expect(env.sim.model.fillOf(env.sim.model.sheetByKey("自评表")!, 2, 1).pattern).toBe("None");
  });

  it("turns Office.js error codes into one Chinese sentence", () => {
    const coded = (code: string) => Object.assign(new Error("x"), { code });
    expect(toHostError(coded("AccessDenied")).message).toMatch(/保护/);
    expect(toHostError(coded("RequestPayloadSizeLimitExceeded")).message).toMatch(/5 MB/);
    expect(toHostError(coded("ItemNotFound")).message).toMatch(/找不到/);
    expect(toHostError(coded("InvalidArgument")).message).toMatch(/参数/);
    expect(toHostError(new Error("boom")).message).toMatch(/^与 Excel 通信时出错/);
    const own = new HostError("已有的说明");
    expect(toHostError(own)).toBe(own);
  });
});
