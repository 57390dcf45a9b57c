/**
 * The wps-sim page: a simulated WPS 表格 (grid, sheet tabs, formula bar, 下载工作簿) on the left
 * and the real task pane bundle on the right. This script opens the workbook, does what the WPS
 * add-in's hidden main page does (registers the PERF functions with wps.AddCustomFunction),
 * installs `Application` and `wps` on window, and only then loads taskpane.js — the pane picks the
 * WPS host from those globals as it starts.
 *
 * The workbook is the sample, or `?workbook=<same-origin URL of an .xlsx>`; `?wps=<version>`
 * simulates another WPS build (e.g. 11.1.0.11744, without AddCustomFunction). Nothing is fetched
 * from another origin. End-to-end tests reach the simulator as `window.wpsSim`.
 */
import ExcelJS from "exceljs";
import { columnLetter } from "../../../src/core/grid";
import { registerWpsFunctions, type WpsCustomFunctionHost } from "../../../src/functions/wps";
import { colorHex, officeFillOf } from "../../excel-sim/fill";
import { installWpsGlobals } from "../globals";
import { WpsSimulator, type WpsSimulatorOptions } from "../simulator";

const SAMPLE = "samples/示例-北京丰台2023.xlsx";
const TASKPANE_SCRIPT = "taskpane.js";
/** The grid shows at most this much of a sheet (the simulator holds all of it). */
const MAX_ROWS_SHOWN = 400;
const MAX_COLS_SHOWN = 40;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function setStatus(text: string): void {
  $("status").textContent = text;
}

/** The workbook's URL: the sample, or ?workbook= when it stays on this origin. */
function workbookUrl(): { url: string; error?: string } {
  const asked = new URLSearchParams(location.search).get("workbook");
  if (!asked) return { url: SAMPLE };
  let resolved: URL;
  try {
    resolved = new URL(asked, location.href);
  } catch {
    return { url: SAMPLE, error: `参数 workbook=${asked} 不是有效的地址，已改为打开示例工作簿。` };
  }
  if (resolved.origin !== location.origin) {
    return {
      url: SAMPLE,
      error: "为保证文件不离开本机，只能打开与本页同一服务器上的工作簿；已改为打开示例工作簿。",
    };
  }
  return { url: resolved.href };
}

async function openWorkbook(): Promise<WpsSimulator> {
  const { url, error } = workbookUrl();
  const fileName = decodeURIComponent(url.split("/").pop() ?? "工作簿1.xlsx");
  $("file-name").textContent = fileName;
  const version = new URLSearchParams(location.search).get("wps") ?? undefined;
  const options: WpsSimulatorOptions = { fileName, version };
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const sim = await WpsSimulator.load(await response.arrayBuffer(), options);
    setStatus(
      error ??
        `已打开“${fileName}”。在右侧任务窗格中点“校验”试一试；在编辑栏中修改单元格可试实时重新校验。`,
    );
    return sim;
  } catch (cause) {
    console.error(cause);
    setStatus(
      `无法打开“${fileName}”（${String(cause)}），已改为空白工作簿。请确认地址正确且文件是 .xlsx。`,
    );
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    return WpsSimulator.fromWorkbook(wb, { ...options, fileName: "工作簿1.xlsx" });
  }
}

/** What the add-in's main page does once WPS has loaded it. */
function registerFunctions(sim: WpsSimulator): void {
  const wps = sim.wps as unknown as Partial<WpsCustomFunctionHost>;
  if (typeof wps.AddCustomFunction === "function") {
    registerWpsFunctions(wps as WpsCustomFunctionHost);
  }
}

function loadTaskPane(): void {
  const script = document.createElement("script");
  script.src = TASKPANE_SCRIPT;
  script.defer = true;
  document.body.append(script);
}

void openWorkbook().then((sim) => {
  registerFunctions(sim);
  installWpsGlobals(sim, window as unknown as Record<string, unknown>);
  (window as unknown as { wpsSim: WpsSimulator }).wpsSim = sim;
  const view = new GridView(sim);
  let scheduled = false;
  sim.listeners.add(() => {
    if (scheduled || !sim.screenUpdating) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      view.render();
    });
  });
  view.render();
  loadTaskPane();
});

class GridView {
  constructor(private readonly sim: WpsSimulator) {
    $("download").addEventListener("click", () => void this.download());
    const input = $<HTMLInputElement>("formula-input");
    input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      this.commit(input.value);
    });
  }

  private get sheet() {
    const model = this.sim.model;
    return model.sheetById(model.activeSheetId) ?? model.sheets[0];
  }

  private selected(): { row: number; col: number } | undefined {
    const sel = this.sim.model.selection;
    if (!sel || sel.sheetId !== this.sheet.id) return undefined;
    return { row: sel.rect.top, col: sel.rect.left };
  }

  private commit(text: string): void {
    const at = this.selected();
    if (!at) {
      setStatus("请先在表格中点选一个单元格，再输入内容。");
      return;
    }
    const address = `${columnLetter(at.col)}${at.row}`;
    try {
      this.sim.userEdit(this.sheet.name, address, text);
      setStatus(`已写入 ${this.sheet.name}!${address}。`);
    } catch (error) {
      setStatus(`无法写入 ${address}：${String(error)}`);
    }
  }

  private async download(): Promise<void> {
    const bytes = await this.sim.toXlsx();
    const blob = new Blob([bytes as BlobPart], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = $("file-name").textContent || "工作簿1.xlsx";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  render(): void {
    this.renderTabs();
    this.renderGrid();
    this.renderFormulaBar();
  }

  private renderTabs(): void {
    const tabs = $("tabs");
    tabs.replaceChildren();
    for (const sheet of this.sim.model.sheets) {
      if (sheet.ws.state !== "visible") continue;
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = sheet.name;
      button.dataset.sheet = sheet.name;
      if (sheet.id === this.sheet.id) {
        button.className = "active";
        button.setAttribute("aria-current", "page");
      }
      button.addEventListener("click", () => this.sim.userActivate(sheet.name));
      tabs.append(button);
    }
  }

  private renderFormulaBar(): void {
    const at = this.selected();
    const nameBox = $<HTMLInputElement>("name-box");
    const input = $<HTMLInputElement>("formula-input");
    if (!at) {
      nameBox.value = "";
      input.value = "";
      return;
    }
    nameBox.value = `${columnLetter(at.col)}${at.row}`;
    input.value = String(this.sim.model.cellView(this.sheet, at.row, at.col).formula);
  }

  private renderGrid(): void {
    const model = this.sim.model;
    const sheet = this.sheet;
    this.sim.ensureCalculated();
    const used = model.usedRect(sheet, false);
    const rows = Math.min(Math.max(used?.bottom ?? 1, 20), MAX_ROWS_SHOWN);
    const cols = Math.min(Math.max(used?.right ?? 1, 8), MAX_COLS_SHOWN);
    const covered = new Set<string>();
    const spans = new Map<string, { rows: number; cols: number }>();
    for (const m of model.merges(sheet)) {
      spans.set(`${m.top},${m.left}`, { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
        }
      }
    }
    const sel = this.selected();
    const fragment = document.createDocumentFragment();
    const colgroup = document.createElement("colgroup");
    colgroup.append(Object.assign(document.createElement("col"), { style: "width:40px" }));
    for (let c = 1; c <= cols; c++) {
      // Read the column list, never getColumn(): that would add columns to the saved file.
      const width = (sheet.ws.columns ?? [])[c - 1]?.width ?? 8.38;
      const col = document.createElement("col");
      col.style.width = `${Math.round(width * 7 + 5)}px`;
      colgroup.append(col);
    }
    fragment.append(colgroup);
    const head = document.createElement("tr");
    head.append(document.createElement("th"));
    for (let c = 1; c <= cols; c++) {
      const th = document.createElement("th");
      th.textContent = columnLetter(c);
      head.append(th);
    }
    fragment.append(head);
    for (let r = 1; r <= rows; r++) {
      const tr = document.createElement("tr");
      const height = sheet.ws.findRow(r)?.height;
      if (height) tr.style.height = `${Math.round(height / 0.75)}px`;
      const th = document.createElement("th");
      th.className = "row";
      th.textContent = String(r);
      tr.append(th);
      for (let c = 1; c <= cols; c++) {
        if (covered.has(`${r},${c}`)) continue;
        tr.append(this.cellElement(r, c, spans.get(`${r},${c}`), sel));
      }
      fragment.append(tr);
    }
    $("grid").replaceChildren(fragment);
  }

  private cellElement(
    row: number,
    col: number,
    span: { rows: number; cols: number } | undefined,
    sel: { row: number; col: number } | undefined,
  ): HTMLTableCellElement {
    const model = this.sim.model;
    const sheet = this.sheet;
    const td = document.createElement("td");
    const address = `${columnLetter(col)}${row}`;
    td.dataset.cell = `${sheet.name}!${address}`;
    if (span) {
      td.rowSpan = span.rows;
      td.colSpan = span.cols;
    }
    const view = model.cellView(sheet, row, col);
    td.textContent = view.text;
    if (typeof view.value === "number") td.className = "num";
    const cell = model.findCell(sheet, row, col);
    const fill = officeFillOf(cell?.fill);
    if (fill.pattern !== "None") td.style.background = fill.color;
    const font = cell?.font;
    if (font?.bold) td.style.fontWeight = "600";
    const fontColor = colorHex(font?.color);
    if (fontColor && fontColor !== "000000") td.style.color = `#${fontColor}`;
    const note = model.noteOf(sheet, row, col);
    if (note !== null) {
      td.classList.add("has-note");
      td.title = note;
    } else if (view.text.length > 12) {
      td.title = view.text;
    }
    if (sel && sel.row === row && sel.col === col) td.classList.add("selected");
    td.addEventListener("click", () => this.sim.userSelect(sheet.name, address));
    return td;
  }
}
