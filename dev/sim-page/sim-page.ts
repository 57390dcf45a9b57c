/**
 * What the excel-sim and wps-sim pages share: opening the workbook (the sample, or
 * `?workbook=<same-origin URL of an .xlsx>`), the status line, and the grid view (cells, fills,
 * merges, note markers, sheet tabs, formula bar, 下载工作簿). Both simulators keep their workbook in
 * the same WorkbookModel, so one view draws either; each page passes only what its host does
 * differently (how it loads, column widths, when it recalculates). The page markup and CSS are
 * in sim-page.html, the template both HtmlWebpackPlugin instances use.
 */
import type ExcelJS from "exceljs";
import { columnLetter } from "../../src/core/grid";
import { colorHex, officeFillOf } from "../excel-sim/fill";
import type { WorkbookModel } from "../excel-sim/model";

const SAMPLE = "samples/示例-北京丰台2023.xlsx";
/** The grid shows at most this much of a sheet (the simulator holds all of it). */
const MAX_ROWS_SHOWN = 400;
const MAX_COLS_SHOWN = 40;

/** The part of a simulator the page drives: what a user does in the spreadsheet window. */
export interface SimulatedWorkbook {
  readonly model: WorkbookModel;
  readonly listeners: Set<() => void>;
  userEdit(sheetName: string, address: string, text: string): void | Promise<void>;
  userActivate(sheetName: string): void;
  userSelect(sheetName: string, address: string): void;
  toXlsx(): Promise<Uint8Array>;
}

/** How one host's page differs in opening and drawing its workbook. */
export interface SimPageHost<S extends SimulatedWorkbook> {
  /** The file name shown (and downloaded) when the URL gives none: hosts name new books differently. */
  defaultFileName: string;
  load(bytes: ArrayBuffer, fileName: string): Promise<S>;
  /** The empty workbook opened when the asked one cannot be read. */
  blank(): S;
  /** Column width in characters; hosts differ in default width and in whether reading may add columns. */
  columnWidth(ws: ExcelJS.Worksheet, col: number): number;
  /** Runs before each drawing (e.g. a host that calculates lazily brings values up to date). */
  beforeRender?(sim: S): void;
  /** False while the host has screen updating switched off: redraws wait. */
  screenUpdating?(sim: S): boolean;
  /** Scroll the selected cell into view after each drawing. */
  scrollToSelection: boolean;
}

export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function setStatus(text: string): void {
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

/** Opens the page's workbook; a workbook that cannot be read becomes the host's blank one. */
export async function openWorkbook<S extends SimulatedWorkbook>(host: SimPageHost<S>): Promise<S> {
  const { url, error } = workbookUrl();
  const fileName = decodeURIComponent(url.split("/").pop() ?? host.defaultFileName);
  $("file-name").textContent = fileName;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const sim = await host.load(await response.arrayBuffer(), fileName);
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
    return host.blank();
  }
}

/** Draws the workbook now and again (once per frame at most) after every change. */
export function showWorkbook<S extends SimulatedWorkbook>(sim: S, host: SimPageHost<S>): void {
  const view = new GridView(sim, host);
  let scheduled = false;
  sim.listeners.add(() => {
    if (scheduled || host.screenUpdating?.(sim) === false) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      view.render();
    });
  });
  view.render();
}

class GridView<S extends SimulatedWorkbook> {
  constructor(
    private readonly sim: S,
    private readonly host: SimPageHost<S>,
  ) {
    $("download").addEventListener("click", () => void this.download());
    const input = $<HTMLInputElement>("formula-input");
    input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      void this.commit(input.value);
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

  private async commit(text: string): Promise<void> {
    const at = this.selected();
    if (!at) {
      setStatus("请先在表格中点选一个单元格，再输入内容。");
      return;
    }
    const address = `${columnLetter(at.col)}${at.row}`;
    try {
      await this.sim.userEdit(this.sheet.name, address, text);
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
    link.download = $("file-name").textContent || this.host.defaultFileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  render(): void {
    this.host.beforeRender?.(this.sim);
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
    const table = $("grid");
    const fragment = document.createDocumentFragment();
    const colgroup = document.createElement("colgroup");
    colgroup.append(Object.assign(document.createElement("col"), { style: "width:40px" }));
    for (let c = 1; c <= cols; c++) {
      const width = this.host.columnWidth(sheet.ws, c);
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
    table.replaceChildren(fragment);
    if (this.host.scrollToSelection) {
      table.querySelector("td.selected")?.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
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
