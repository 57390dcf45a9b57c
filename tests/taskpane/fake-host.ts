/**
 * A HostAdapter for the task pane's tests, backed by core MemorySheet grids. Every read hands out a
 * fresh copy of the workbook (as a real host does), writes change the stored sheets, and every call
 * is recorded. Never shipped: the pane's real hosts live in src/hosts.
 */
import type { Finding } from "../../src/core/findings";
import { MemorySheet, fromA1, type WorkbookGrid } from "../../src/core/grid";
import { formatValue } from "../../src/core/grid/format";
import type { TemplateKind, TemplateOptions } from "../../src/core/templates";
import {
  HostError,
  type CellEdit,
  type ClearSummary,
  type HostAdapter,
  type HostCapabilities,
  type MarkSummary,
  type ReadScope,
} from "../../src/hosts/types";

export interface Call {
  method: keyof HostAdapter;
  args: unknown[];
}

type Method = Exclude<keyof HostAdapter, "hostLabel">;

export class FakeHost implements HostAdapter {
  readonly hostLabel = "Excel";
  readonly calls: Call[] = [];
  sheets: MemorySheet[];
  active: string;
  settings = new Map<string, string>();
  caps: HostCapabilities = { notes: true, liveRecheck: true, templates: true, limitations: [] };
  /** What the next mark / clear returns (the counts are the test's to choose). */
  markResult: MarkSummary | undefined;
  clearResult: ClearSummary = { restored: 0, skipped: [] };
  private listeners = new Set<(edits: readonly CellEdit[]) => void>();
  private failures = new Map<Method, string>();
  private gates = new Map<Method, Promise<void>>();
  marked: Finding[] = [];

  constructor(sheets: MemorySheet[]) {
    this.sheets = sheets;
    this.active = sheets[0]?.name ?? "";
  }

  /** The next call of `method` rejects with a HostError saying `message`. */
  failNext(method: Method, message: string): void {
    this.failures.set(method, message);
  }

  /** Calls of `method` wait until the returned function is called. */
  hold(method: Method): () => void {
    let release = () => {};
    this.gates.set(
      method,
      new Promise<void>((resolve) => {
        release = () => {
          this.gates.delete(method);
          resolve();
        };
      }),
    );
    return release;
  }

  callsOf(method: keyof HostAdapter): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  /** The user typing in the workbook: listeners hear it as the host would report it. */
  userEdits(edits: CellEdit[]): void {
    for (const listener of this.listeners) listener(edits);
  }

  /** The user (not the pane) changes a cell: the stored sheet changes, no event by itself. */
  setCell(sheet: string, address: string, value: number | string, numFmt?: string): void {
    const target = this.sheetNamed(sheet);
    const { row, col } = fromA1(address)!;
    const format = numFmt ?? target.cell(row, col)?.numFmt;
    const text = typeof value === "number" ? formatValue(value, format) : value;
    target.set(row, col, { value, text, numFmt: format });
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  private sheetNamed(name: string): MemorySheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (sheet === undefined) throw new HostError(`找不到工作表“${name}”。`);
    return sheet;
  }

  private async enter(method: Method, args: unknown[]): Promise<void> {
    this.calls.push({ method, args });
    await this.gates.get(method);
    const failure = this.failures.get(method);
    if (failure !== undefined) {
      this.failures.delete(method);
      throw new HostError(failure);
    }
  }

  async capabilities(): Promise<HostCapabilities> {
    await this.enter("capabilities", []);
    return this.caps;
  }

  async readWorkbook(scope: ReadScope): Promise<WorkbookGrid> {
    await this.enter("readWorkbook", [scope]);
    const chosen = scope === "sheet" ? [this.sheetNamed(this.active)] : this.sheets;
    return { sheets: chosen.map(copyOf) };
  }

  async mark(findings: readonly Finding[]): Promise<MarkSummary> {
    await this.enter("mark", [findings]);
    this.marked = [...findings];
    return (
      this.markResult ?? {
        marked: new Set(findings.filter((f) => f.cell).map((f) => `${f.sheet}!${f.cell}`)).size,
        notesOmitted: !this.caps.notes,
        undoCleared: false,
        skipped: [],
        cleared: { restored: 0, skipped: [] },
      }
    );
  }

  async clearMarks(): Promise<ClearSummary> {
    await this.enter("clearMarks", []);
    return this.clearResult;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.enter("selectCell", [sheet, cell]);
    this.sheetNamed(sheet);
    this.active = sheet;
  }

  async writeCell(
    sheet: string,
    cell: string,
    value: number | string,
    numFmt?: string,
  ): Promise<void> {
    await this.enter("writeCell", [sheet, cell, value, ...(numFmt === undefined ? [] : [numFmt])]);
    // The adapter's own write: no edit event (the interface promises it).
    this.setCell(sheet, cell, value, numFmt);
  }

  async insertTemplate(kind: TemplateKind, options: TemplateOptions): Promise<{ sheet: string }> {
    await this.enter("insertTemplate", [kind, options]);
    const name = this.uniqueName(`自评表${options.year}`);
    this.sheets.push(new MemorySheet(name));
    return { sheet: name };
  }

  async writeReport(findings: readonly Finding[]): Promise<{ sheet: string }> {
    await this.enter("writeReport", [findings]);
    const name = this.uniqueName("校验结果");
    this.sheets.push(new MemorySheet(name));
    return { sheet: name };
  }

  async loadSetting(key: string): Promise<string | null> {
    await this.enter("loadSetting", [key]);
    return this.settings.get(key) ?? null;
  }

  async saveSetting(key: string, value: string): Promise<void> {
    await this.enter("saveSetting", [key, value]);
    this.settings.set(key, value);
  }

  async onUserEdit(
    listener: (edits: readonly CellEdit[]) => void,
  ): Promise<(() => Promise<void>) | null> {
    await this.enter("onUserEdit", [listener]);
    if (!this.caps.liveRecheck) return null;
    this.listeners.add(listener);
    return async () => {
      this.listeners.delete(listener);
    };
  }

  private uniqueName(base: string): string {
    let name = base;
    for (let n = 2; this.sheets.some((s) => s.name === name); n++) name = `${base} (${n})`;
    return name;
  }
}

/** A deep copy, so the pane never holds the stored sheets themselves. */
function copyOf(sheet: MemorySheet): MemorySheet {
  const copy = new MemorySheet(sheet.name, sheet.hidden);
  for (const row of sheet.usedRows()) {
    for (const col of sheet.usedCols(row)) copy.set(row, col, { ...sheet.cell(row, col)! });
  }
  for (const merge of sheet.merges) copy.addMerge({ ...merge });
  return copy;
}
