// @vitest-environment jsdom
/**
 * The task pane against a fake host backed by MemorySheet grids: what it lists is what the engine
 * finds, and every button reaches the host with the right arguments and says what came back.
 */
import "./jsdom-polyfills";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { allFindings } from "../../src/core/file-report";
import { MemorySheet } from "../../src/core/grid";
import { getProfile, national, shanghai, type Profile } from "../../src/core/profiles";
import { TEMPLATE_KINDS } from "../../src/core/templates";
import { validateWorkbook } from "../../src/core/validate";
import { App, FORMS_PER_PAGE } from "../../src/taskpane/App";
import { SHORT_MESSAGE_LENGTH } from "../../src/taskpane/PaneFindings";
import type { MarkSummary } from "../../src/hosts/types";
import { RECHECK_DELAY_MS } from "../../src/taskpane/usePane";
import { placeTsv } from "../core/forms/sheet-helpers";
import { SHANGHAI_FORM_1, shanghaiCivilService } from "../core/forms/shanghai-data";
import { FakeHost } from "./fake-host";

const CIVIL = "组织部";
const CONTEST = "大赛";
/** 总分 得分 of the civil-service form (row 20, column G). */
const TOTAL_CELL = "G20";

function sheet(name: string, tsv: string): MemorySheet {
  const grid = new MemorySheet(name);
  placeTsv(grid, tsv, { numbers: true });
  return grid;
}

/** A workbook with a wrong 总分 and 评分等级 on one form, a correct form, and a sheet without one. */
function workbook(): MemorySheet[] {
  const notes = new MemorySheet("说明");
  notes.setValue(1, 1, "填表说明");
  return [
    sheet(CIVIL, shanghaiCivilService("96.61", "良")),
    notes,
    sheet(CONTEST, SHANGHAI_FORM_1),
  ];
}

function expectedRows(host: FakeHost, profile: Profile): string[][] {
  const report = validateWorkbook({ sheets: host.sheets }, profile);
  return allFindings({ file: "", ...report }).map((f) => [
    f.rule,
    f.sheet && f.cell ? `${f.sheet}!${f.cell}` : "",
  ]);
}

function listedRows(): string[][] {
  return [...document.querySelectorAll("[data-rule]")].map((row) => [
    row.getAttribute("data-rule") ?? "",
    row.getAttribute("data-cell") ?? "",
  ]);
}

async function openPane(host: FakeHost) {
  render(<App host={host} />);
  // The pane is ready once it has asked for capabilities, the setting and the edit events.
  await waitFor(() => expect(host.callsOf("onUserEdit")).toHaveLength(1));
  await waitFor(() => expect(host.listenerCount()).toBe(host.caps.liveRecheck ? 1 : 0));
}

async function validateAll() {
  fireEvent.click(screen.getByRole("button", { name: "校验整个工作簿" }));
  await screen.findByText(/整个工作簿：\d+ 张自评表/);
  // Cards are added a slice at a time: wait for the last.
  await waitFor(() => expect(document.querySelector("[data-rendering]")).toBeNull());
}

function rowOf(rule: string): HTMLElement {
  const row = document.querySelector<HTMLElement>(`[data-rule="${rule}"]`);
  if (row === null) throw new Error(`no ${rule} row`);
  return row;
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("validation", () => {
  it("lists exactly the findings validateWorkbook gives, form by form", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    await validateAll();
    const expected = expectedRows(host, national);
    expect(expected.length).toBeGreaterThan(3);
    expect(listedRows()).toEqual(expected);
    expect(host.callsOf("readWorkbook")).toEqual([["workbook"]]);
    // One card per form, with its facts and counts.
    const cards = document.querySelectorAll("[data-form]");
    expect([...cards].map((card) => card.getAttribute("data-form"))).toEqual(
      validateWorkbook({ sheets: host.sheets }, national).forms.map((f) => `${f.sheet}!${f.range}`),
    );
    const civil = within(cards[0] as HTMLElement);
    expect(civil.getByText(/表 1：公务员管理/)).toBeTruthy();
    expect(civil.getByText("总分 96.61")).toBeTruthy();
    expect(civil.getByText("等级 优")).toBeTruthy();
    expect(civil.getByText("错误 2")).toBeTruthy();
  });

  it("checks only the active sheet for 校验当前工作表", async () => {
    const host = new FakeHost(workbook());
    host.active = CONTEST;
    await openPane(host);
    fireEvent.click(screen.getByRole("button", { name: "校验当前工作表" }));
    await screen.findByText(/当前工作表：1 张自评表/);
    expect(host.callsOf("readWorkbook")).toEqual([["sheet"]]);
    const cells = listedRows().map(([, cell]) => cell);
    expect(cells.every((cell) => cell.startsWith(`${CONTEST}!`))).toBe(true);
  });

  it("says so when no form is found, with the engine's file-level finding", async () => {
    const notes = new MemorySheet("说明");
    notes.setValue(1, 1, "填表说明");
    const host = new FakeHost([notes]);
    await openPane(host);
    await validateAll();
    expect(listedRows()).toEqual([["no-form", "说明!A1"]]);
  });

  it("filters by severity and shows every finding again with 全部", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    await validateAll();
    const all = listedRows();
    const severities = () =>
      [...document.querySelectorAll("[data-rule]")].map((r) => r.getAttribute("data-severity"));
    expect(new Set(severities()).size).toBeGreaterThan(1);
    fireEvent.click(screen.getByRole("button", { name: /^错误 \d+$/ }));
    expect(severities().length).toBe(2);
    expect(new Set(severities())).toEqual(new Set(["error"]));
    fireEvent.click(screen.getByRole("button", { name: /^提示 \d+$/ }));
    expect(new Set(severities())).toEqual(new Set(["info"]));
    fireEvent.click(screen.getByRole("button", { name: /^全部 \d+$/ }));
    expect(listedRows()).toEqual(all);
  });

  it("shows progress and disables the buttons while reading, then enables them again", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    const release = host.hold("readWorkbook");
    fireEvent.click(screen.getByRole("button", { name: "校验整个工作簿" }));
    expect(await screen.findByText("正在读取整个工作簿…")).toBeTruthy();
    for (const name of ["校验当前工作表", "校验整个工作簿", "清除标记", "插入模板"]) {
      expect((screen.getByRole("button", { name }) as HTMLButtonElement).disabled).toBe(true);
    }
    release();
    await screen.findByText(/整个工作簿：2 张自评表/);
    expect(
      (screen.getByRole("button", { name: "校验整个工作簿" }) as HTMLButtonElement).disabled,
    ).toBe(false);
  });

  it("shows a host error in Chinese and keeps working", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    host.failNext("readWorkbook", "工作簿正在编辑单元格，请按 Enter 或 Esc 结束编辑后重试。");
    fireEvent.click(screen.getByRole("button", { name: "校验整个工作簿" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("请按 Enter 或 Esc 结束编辑后重试");
    await validateAll();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows why when the host cannot say what it supports", async () => {
    const host = new FakeHost(workbook());
    host.failNext("capabilities", "此 Excel 版本过旧：需要 ExcelApi 1.7 或更高版本。");
    render(<App host={host} />);
    expect((await screen.findByRole("alert")).textContent).toContain("需要 ExcelApi 1.7");
  });

  it("says what failed when a host call rejects with a non-Chinese error", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    host.readWorkbook = () => Promise.reject(new Error("RichApi.Error: GeneralException"));
    fireEvent.click(screen.getByRole("button", { name: "校验整个工作簿" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("操作未能完成（RichApi.Error: GeneralException）");
  });
});

describe("a long workbook", () => {
  it("lists its forms a slice at a time until every form is there", async () => {
    const many = new MemorySheet("汇总");
    let top = 1;
    const forms = FORMS_PER_PAGE * 2 + 5;
    for (let i = 0; i < forms; i++) {
      top = placeTsv(many, SHANGHAI_FORM_1, { top, numbers: true }) + 3;
    }
    const host = new FakeHost([many]);
    await openPane(host);
    await validateAll();
    await waitFor(() => expect(document.querySelectorAll("[data-form]")).toHaveLength(forms));
    expect(document.querySelector("[data-rendering]")).toBeNull();
    expect(listedRows()).toEqual(expectedRows(host, national));
  });
});

describe("long messages", () => {
  it("are shortened, and 展开全文 shows the whole message without selecting the cell", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    await validateAll();
    const report = validateWorkbook({ sheets: host.sheets }, national);
    const long = allFindings({ file: "", ...report }).find(
      (f) => Array.from(f.message).length > SHORT_MESSAGE_LENGTH,
    );
    expect(long).toBeDefined();
    const row = document.querySelector<HTMLElement>(
      `[data-rule="${long!.rule}"][data-cell="${long!.sheet}!${long!.cell}"]`,
    )!;
    const message = row.querySelector("[data-message]")!;
    expect(message.textContent).not.toContain(long!.message);
    fireEvent.click(within(row).getByRole("button", { name: "展开全文" }));
    expect(message.textContent).toContain(long!.message);
    expect(host.callsOf("selectCell")).toEqual([]);
  });
});

describe("going to a finding's cell", () => {
  it("selects the cell on a click and on Enter", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    await validateAll();
    fireEvent.click(rowOf("total-mismatch"));
    await waitFor(() => expect(host.callsOf("selectCell")).toEqual([[CIVIL, TOTAL_CELL]]));
    const grade = rowOf("grade-mismatch");
    expect(grade.tabIndex).toBe(0);
    grade.focus();
    fireEvent.keyDown(grade, { key: "Enter" });
    await waitFor(() => expect(host.callsOf("selectCell")).toHaveLength(2));
    expect(host.callsOf("selectCell")[1]).toEqual([
      CIVIL,
      grade.getAttribute("data-cell")!.split("!")[1],
    ]);
  });

  it("shows the error when the cell cannot be selected", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    await validateAll();
    host.failNext("selectCell", "找不到工作表“组织部”，它可能已被删除或改名。");
    fireEvent.click(rowOf("total-mismatch"));
    expect((await screen.findByRole("alert")).textContent).toContain("可能已被删除或改名");
  });
});

describe("quick fix", () => {
  it("writes the computed total, re-checks, and the finding is gone", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    await validateAll();
    const fix = within(rowOf("total-mismatch")).getByRole("button", { name: "改为 “96.16”" });
    fireEvent.click(fix);
    await waitFor(() => expect(host.callsOf("writeCell")).toEqual([[CIVIL, TOTAL_CELL, 96.16]]));
    await waitFor(() => expect(document.querySelector('[data-rule="total-mismatch"]')).toBeNull());
    expect(listedRows()).toEqual(expectedRows(host, national));
    // Fixing the cell did not select it: the click belonged to the button.
    expect(host.callsOf("selectCell")).toEqual([]);
    expect(screen.getByText(/已将 组织部!G20 改为 “96.16”/)).toBeTruthy();
  });

  it("offers the grade the total gives", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    await validateAll();
    fireEvent.click(within(rowOf("grade-mismatch")).getByRole("button", { name: "改为 “优”" }));
    await waitFor(() => expect(document.querySelector('[data-rule="grade-mismatch"]')).toBeNull());
    expect(host.callsOf("writeCell")[0][2]).toBe("优");
  });

  it("writes a number typed as text as a number with the format that shows it, and the finding is gone", async () => {
    const civil = sheet(CIVIL, shanghaiCivilService("96.16", "优"));
    // 年度资金总额's 年初预算数 (C6), typed as text into a text-formatted cell.
    civil.set(6, 3, { value: "1,663.27", text: "1,663.27", numFmt: "@" });
    const host = new FakeHost([civil]);
    await openPane(host);
    await validateAll();
    expect(rowOf("number-as-text").getAttribute("data-cell")).toBe(`${CIVIL}!C6`);
    fireEvent.click(
      within(rowOf("number-as-text")).getByRole("button", { name: "改为 “1,663.27”" }),
    );
    await waitFor(() =>
      expect(host.callsOf("writeCell")).toEqual([[CIVIL, "C6", 1663.27, "#,##0.00"]]),
    );
    await waitFor(() => expect(document.querySelector('[data-rule="number-as-text"]')).toBeNull());
    expect(civil.cell(6, 3)).toMatchObject({ value: 1663.27, text: "1,663.27" });
    expect(listedRows()).toEqual(expectedRows(host, national));
  });

  it("is not offered for findings without a known right value", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    await validateAll();
    expect(within(rowOf("exec-rate-low")).queryByRole("button", { name: /^改为/ })).toBeNull();
  });
});

/** What the fake host's mark returns: nothing skipped, nothing cleared, unless given. */
function markSummary(summary: Partial<MarkSummary>): MarkSummary {
  return {
    marked: 0,
    notesOmitted: false,
    undoCleared: false,
    skipped: [],
    cleared: { restored: 0, skipped: [] },
    ...summary,
  };
}

describe("marks", () => {
  it("marks every finding and says how many cells were marked and what was skipped", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    await validateAll();
    host.markResult = markSummary({
      marked: 7,
      skipped: [{ sheet: CIVIL, cell: "", reason: "工作表设有密码保护，未标记" }],
      cleared: { restored: 3, skipped: [] },
    });
    fireEvent.click(screen.getByRole("button", { name: "标记问题单元格" }));
    const notice = await screen.findByText(/已标记 7 个单元格/);
    expect(notice.textContent).toContain("先恢复了上次标记的 3 个单元格");
    expect(screen.getByText("工作表“组织部”：工作表设有密码保护，未标记")).toBeTruthy();
    const [[sent]] = host.callsOf("mark") as [[readonly unknown[]]];
    expect(sent).toHaveLength(expectedRows(host, national).length);
  });

  it("says fills only when notes could not be written", async () => {
    const host = new FakeHost(workbook());
    host.caps = { ...host.caps, notes: false };
    await openPane(host);
    await validateAll();
    fireEvent.click(screen.getByRole("button", { name: "标记问题单元格" }));
    expect((await screen.findByText(/已标记 \d+ 个单元格/)).textContent).toContain(
      "只标记了填充颜色",
    );
  });

  it("warns, in the message after marking, when marking emptied the host's undo history", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    await validateAll();
    host.markResult = markSummary({ marked: 2, undoCleared: true });
    fireEvent.click(screen.getByRole("button", { name: "标记问题单元格" }));
    const notice = await screen.findByText(/已标记 2 个单元格/);
    expect(notice.textContent).toContain("此前的编辑已不能再撤销");

    // The next marking (the ledger exists now) says nothing about undo.
    host.markResult = { ...host.markResult, undoCleared: false };
    fireEvent.click(screen.getByRole("button", { name: "标记问题单元格" }));
    await waitFor(() =>
      expect(screen.getByText(/已标记 2 个单元格/).textContent).not.toContain("撤销"),
    );
  });

  it("clears and says how many cells were restored, and which were not", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    host.clearResult = {
      restored: 5,
      skipped: [{ sheet: CIVIL, cell: "G30", reason: "该行已被删除" }],
    };
    // Clearing needs no validation first: marks may come from an earlier session.
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    expect((await screen.findByText(/已恢复 5 个单元格/)).textContent).toContain("1 处未能恢复");
    expect(screen.getByText("组织部!G30：该行已被删除")).toBeTruthy();
  });
});

describe("capabilities", () => {
  it("shows each limitation sentence once", async () => {
    const host = new FakeHost(workbook());
    const notes = "当前 Excel 版本不支持批注（需要 ExcelApi 1.18），标记时只填充颜色。";
    const events = "当前环境不支持修改事件，修改后请手动重新校验。";
    host.caps = {
      notes: false,
      liveRecheck: false,
      templates: true,
      limitations: [notes, events, notes],
    };
    await openPane(host);
    await waitFor(() => expect(document.querySelectorAll("[data-limitation]")).toHaveLength(2));
    expect(screen.getAllByText(notes)).toHaveLength(1);
    expect(screen.getByText(events)).toBeTruthy();
    // Without change events the switch cannot be turned on.
    const toggle = screen.getByRole("switch") as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(toggle.disabled).toBe(true);
  });
});

describe("profile", () => {
  it("restores the profile remembered in the workbook and validates with it", async () => {
    const host = new FakeHost(workbook());
    host.settings.set("profile", "shanghai");
    await openPane(host);
    const select = screen.getByRole("combobox", { name: "评分方案" }) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe("shanghai"));
    await validateAll();
    expect(listedRows()).toEqual(expectedRows(host, shanghai));
    // Shanghai truncates the rate: 115.43 ÷ 187.40 = 61.595…% shows as 61.59%, not 61.60%.
    expect(screen.getByText("执行率 61.59%")).toBeTruthy();
  });

  it("says so when the remembered profile is unknown, and keeps the default", async () => {
    const host = new FakeHost(workbook());
    host.settings.set("profile", "beijing");
    await openPane(host);
    expect(await screen.findByText(/评分方案“beijing”无法识别/)).toBeTruthy();
    const select = screen.getByRole("combobox", { name: "评分方案" }) as HTMLSelectElement;
    expect(select.value).toBe("national");
  });

  it("saves a new choice in the workbook and checks again under it", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    await validateAll();
    expect(screen.getByText("执行率 61.60%")).toBeTruthy();
    const select = screen.getByRole("combobox", { name: "评分方案" });
    fireEvent.change(select, { target: { value: "capped" } });
    await waitFor(() => expect(host.callsOf("saveSetting")).toEqual([["profile", "capped"]]));
    await waitFor(() => expect(listedRows()).toEqual(expectedRows(host, getProfile("capped"))));
    expect(host.callsOf("readWorkbook")).toHaveLength(2);
  });
});

describe("live re-check", () => {
  it("re-checks the edited form once, after the edits pause", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    await validateAll();
    vi.useFakeTimers();
    host.setCell(CIVIL, TOTAL_CELL, 96.16);
    act(() => host.userEdits([{ sheet: CIVIL, address: TOTAL_CELL }]));
    await act(() => vi.advanceTimersByTimeAsync(RECHECK_DELAY_MS / 2));
    act(() => host.userEdits([{ sheet: CIVIL, address: "G19:G20" }]));
    await act(() => vi.advanceTimersByTimeAsync(RECHECK_DELAY_MS - 100));
    // Still typing: nothing read yet.
    expect(host.callsOf("readWorkbook")).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(200));
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(host.callsOf("readWorkbook")).toHaveLength(2);
    vi.useRealTimers();
    await waitFor(() => expect(document.querySelector('[data-rule="total-mismatch"]')).toBeNull());
    expect(listedRows()).toEqual(expectedRows(host, national));
  });

  it("ignores edits outside every detected form", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    await validateAll();
    vi.useFakeTimers();
    act(() => host.userEdits([{ sheet: CIVIL, address: "Z100" }]));
    act(() => host.userEdits([{ sheet: "说明", address: "A1" }]));
    await act(() => vi.advanceTimersByTimeAsync(RECHECK_DELAY_MS * 3));
    expect(host.callsOf("readWorkbook")).toHaveLength(1);
  });

  it("does nothing when switched off", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    await validateAll();
    const toggle = screen.getByRole("switch") as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    expect(toggle.checked).toBe(false);
    vi.useFakeTimers();
    act(() => host.userEdits([{ sheet: CIVIL, address: TOTAL_CELL }]));
    await act(() => vi.advanceTimersByTimeAsync(RECHECK_DELAY_MS * 3));
    expect(host.callsOf("readWorkbook")).toHaveLength(1);
  });

  it("stops listening when the pane closes", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    expect(host.listenerCount()).toBe(1);
    cleanup();
    await waitFor(() => expect(host.listenerCount()).toBe(0));
  });
});

describe("templates and the report sheet", () => {
  it("inserts the chosen template with year and unit, and names the new sheet", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    const year = screen.getByRole("textbox", { name: "年度" }) as HTMLInputElement;
    expect(year.value).toBe(String(new Date().getFullYear()));
    fireEvent.change(screen.getByRole("combobox", { name: "模板" }), {
      target: { value: TEMPLATE_KINDS[2] },
    });
    fireEvent.change(year, { target: { value: "2024" } });
    fireEvent.change(screen.getByRole("textbox", { name: /单位名称/ }), {
      target: { value: " 区财政局 " },
    });
    fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    expect(await screen.findByText("已插入模板：新工作表“自评表2024”。")).toBeTruthy();
    expect(host.callsOf("insertTemplate")).toEqual([
      [TEMPLATE_KINDS[2], { year: 2024, unit: "区财政局" }],
    ]);
  });

  it("refuses a year that is not four digits, saying why", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    fireEvent.change(screen.getByRole("textbox", { name: "年度" }), { target: { value: "24" } });
    expect(screen.getByText("请填写四位数字的年度，例如 2024。")).toBeTruthy();
    const insert = screen.getByRole("button", { name: "插入模板" }) as HTMLButtonElement;
    expect(insert.disabled).toBe(true);
  });

  it("exports every finding to a new sheet and names it", async () => {
    const host = new FakeHost(workbook());
    await openPane(host);
    const exportButton = screen.getByRole("button", { name: "导出校验结果" }) as HTMLButtonElement;
    expect(exportButton.disabled).toBe(true);
    await validateAll();
    fireEvent.click(exportButton);
    expect(await screen.findByText("已将校验结果写入新工作表“校验结果”。")).toBeTruthy();
    const [[sent]] = host.callsOf("writeReport") as [[readonly unknown[]]];
    const report = validateWorkbook({ sheets: host.sheets.slice(0, 3) }, national);
    expect(sent).toEqual(allFindings({ file: "", ...report }));
  });
});
