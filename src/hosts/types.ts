import type { Finding } from "../core/findings";
import type { WorkbookGrid } from "../core/grid";
import type { TemplateKind, TemplateOptions } from "../core/templates";

/**
 * The one interface every spreadsheet host (Excel through Office.js, WPS through the ET object
 * model) implements for the task pane. The pane talks to hosts only through it, so one React tree
 * serves both. Every method may reject with a HostError whose message is one Chinese sentence
 * saying what went wrong and what to do.
 *
 * Cell addresses are A1 ("D7") on a named sheet; nothing here is specific to one host.
 */
export interface HostAdapter {
  /** Which program the pane runs in, for the few words that differ ("Excel" / "WPS 表格"). */
  readonly hostLabel: string;

  /**
   * What this host can do here (requirement sets, versions). Asked once when the pane opens; each
   * limitation comes with a Chinese sentence the pane shows once.
   */
  capabilities(): Promise<HostCapabilities>;

  /** Reads the active sheet (or every sheet) into the grid the validator takes. */
  readWorkbook(scope: ReadScope): Promise<WorkbookGrid>;

  /**
   * Fills each finding's cell by severity and adds the messages as a note, after clearing the
   * previous marks. What every mark replaced is recorded inside the workbook (the mark ledger,
   * src/hosts/marks/ledger.ts), so clearMarks works after save, reopen and in the other host.
   */
  mark(findings: readonly Finding[]): Promise<MarkSummary>;

  /** Restores every cell recorded in the workbook's ledger exactly, then empties the ledger. */
  clearMarks(): Promise<ClearSummary>;

  /** Activates the sheet and selects the cell. */
  selectCell(sheet: string, cell: string): Promise<void>;

  /**
   * Writes one value into one cell (a quick fix the user clicked), with `numFmt` first when given
   * (a number typed as text sits in a text-formatted cell, which would keep a written number text);
   * without it the cell keeps its format. The host's own undo takes it back where the host allows
   * (Excel: a value and number format write is undoable, nothing is protected or unprotected).
   */
  writeCell(sheet: string, cell: string, value: number | string, numFmt?: string): Promise<void>;

  /** Renders a blank template into a new sheet with a unique name; never overwrites. */
  insertTemplate(kind: TemplateKind, options: TemplateOptions): Promise<{ sheet: string }>;

  /** Writes a new sheet listing every finding, as `perf-eval annotate` writes 校验结果. */
  writeReport(findings: readonly Finding[]): Promise<{ sheet: string }>;

  /** A setting kept in the workbook itself (the profile the user chose), or null. */
  loadSetting(key: string): Promise<string | null>;
  saveSetting(key: string, value: string): Promise<void>;

  /**
   * Calls `listener` after the user edits cells. Never called for the adapter's own writes.
   * Resolves to a function that removes the listener; hosts without change events resolve to
   * null (capabilities().liveRecheck is false then).
   */
  onUserEdit(listener: (edits: readonly CellEdit[]) => void): Promise<(() => Promise<void>) | null>;
}

export type ReadScope = "sheet" | "workbook";

export interface HostCapabilities {
  /** Notes (批注) can be written: Excel needs ExcelApi 1.18. */
  notes: boolean;
  /** Change events for live re-checking. */
  liveRecheck: boolean;
  /** Templates can be inserted (merges, validation, protection…). */
  templates: boolean;
  /** One Chinese sentence per missing capability: what is missing, what the pane does instead. */
  limitations: string[];
}

/** An edited range, as the host reports it ("D7" or "D7:E9"). */
export interface CellEdit {
  sheet: string;
  address: string;
}

/** A cell or sheet the adapter left alone, and why (Chinese). */
export interface SkippedCell {
  sheet: string;
  /** Empty when the whole sheet was skipped. */
  cell: string;
  reason: string;
}

export interface MarkSummary {
  /** Cells that got a fill (and a note where notes work). */
  marked: number;
  /** True when notes could not be written here (fills only). */
  notesOmitted: boolean;
  /**
   * True when this marking emptied the host's undo history: the adapter created the workbook's
   * ledger sheet (the first marking of the workbook) on a host where adding a very hidden sheet
   * clears undo (Excel, hosts.md). The user's earlier edits can no longer be undone there; the
   * marks themselves are always taken back by clearMarks. False when the ledger already existed,
   * when nothing was marked, and in WPS (not known to clear undo; unverified).
   */
  undoCleared: boolean;
  /** Cells not marked: password-protected sheets, findings without a cell, missing sheets. */
  skipped: SkippedCell[];
  /** The clearing of the previous marks that marking did first. */
  cleared: ClearSummary;
}

export interface ClearSummary {
  /** Cells whose fill and note were put back. */
  restored: number;
  /** Ledger entries that could not be restored (sheet deleted, cell moved, protected). */
  skipped: SkippedCell[];
}

/** A failure the pane shows as it is: `message` is one Chinese sentence. */
export class HostError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "HostError";
  }
}
