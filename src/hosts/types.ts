import type { Finding } from "../core/findings";
import type { WorkbookGrid } from "../core/grid";

/**
 * The one small interface every host (Excel, WPS, xlsx files, the web checker) implements. The
 * task pane and the command line talk to hosts only through it.
 */
export interface HostAdapter {
  /** Reads the active sheet (or the whole workbook) into a host-neutral grid. */
  readWorkbook(scope: "sheet" | "workbook"): Promise<WorkbookGrid>;
  /** Highlights the findings' cells and adds notes; returns what it changed so it can be undone. */
  mark(findings: readonly Finding[]): Promise<MarkRecord>;
  /** Restores exactly the formatting and notes recorded by `mark`. */
  clearMarks(record: MarkRecord): Promise<void>;
}

/** What a mark pass changed: per cell, the formatting and note it had before. */
export interface MarkRecord {
  cells: Array<{ sheet: string; cell: string; previousFill: unknown; previousNote: string | null }>;
}
