/**
 * The mark ledger: what marking replaced in each cell, kept inside the workbook in a very hidden
 * sheet so 清除标记 restores every cell exactly after save and reopen, on another computer and in
 * the other host (marked in Excel, cleared in WPS, or annotated by `perf-eval annotate`).
 *
 * Pure data: every host adapter (xlsx/exceljs, Excel/Office.js, WPS/ET) reads and writes the same
 * rows with its own API. Plain cells are the one store both Excel and WPS keep (hosts.md).
 *
 * Sheet layout (one column, so no host can coerce a value: every cell is a JSON text that starts
 * with "{" or a fixed header):
 *   A1  LEDGER_TAG                     (identifies the sheet as ours, with the format version)
 *   A2  LEDGER_NOTICE                  (a Chinese sentence for anyone who unhides it)
 *   A3… one JSON LedgerEntry per row, in marking order; an empty cell ends the list.
 */
import { SEVERITY_LABEL, type Finding, type Severity } from "../../core/findings";

/** Sheet name: ASCII so every host and file format keeps it as is; at most 31 characters. */
export const LEDGER_SHEET = "perf-eval-marks";
export const LEDGER_VERSION = 1;
export const LEDGER_TAG = `perf-eval mark ledger v${LEDGER_VERSION}`;
export const LEDGER_NOTICE =
  "本表由绩效自评助手自动维护，记录标记前各单元格的底色和批注，供“清除标记”恢复原样。请勿修改或删除。";
/** Row of the first entry (1-based). */
export const LEDGER_FIRST_ROW = 3;

/** The line between a user's own note and ours; everything after it is ours. */
export const NOTE_MARKER = "—— 绩效自评助手 ——";

/**
 * A cell's fill as the ledger records it. Pattern names are OOXML's (`solid`, `gray125`,
 * `darkGrid` …), the one vocabulary all three hosts can map to; colours are "RRGGBB" upper case.
 * "none" is recorded explicitly: Office.js reads no fill and white both as #FFFFFF.
 */
export type FillRecord =
  | { kind: "none" }
  | { kind: "solid"; color: string }
  | { kind: "pattern"; pattern: string; color: string; patternColor: string | null };

export interface LedgerEntry {
  sheet: string;
  /** A1 address of one cell. */
  cell: string;
  /** The fill the cell had before marking. */
  before: FillRecord;
  /** The note the cell had before marking, or null when it had none. */
  beforeNote: string | null;
  /** The fill colour marking wrote ("RRGGBB"): a cell still showing it is still ours. */
  markColor: string;
  /** The note text marking wrote (null when notes could not be written). */
  markNote: string | null;
}

/** Fill colours by severity ("RRGGBB"): Excel's own "bad" and "neutral", a light blue for hints. */
export const MARK_COLOR: Record<Severity, string> = {
  error: "FFC7CE",
  warning: "FFEB9C",
  info: "DDEBF7",
};

/** One cell to mark: its most severe finding decides the fill, every message goes in the note. */
export interface CellMark {
  sheet: string;
  cell: string;
  severity: Severity;
  color: string;
  /** Our part of the note: one line per finding. */
  text: string;
}

/**
 * Groups findings by cell (findings without a cell are about the file and mark nothing), in the
 * order the cells first appear.
 */
export function planMarks(findings: readonly Finding[]): CellMark[] {
  const byCell = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (!finding.sheet || !finding.cell) continue;
    const key = `${finding.sheet}\u0000${finding.cell.toUpperCase()}`;
    const list = byCell.get(key);
    if (list) list.push(finding);
    else byCell.set(key, [finding]);
  }
  return [...byCell.values()].map((cellFindings) => {
    const severity = mostSevere(cellFindings);
    return {
      sheet: cellFindings[0].sheet,
      cell: cellFindings[0].cell.toUpperCase(),
      severity,
      color: MARK_COLOR[severity],
      text: cellFindings
        .map((f) => `【${SEVERITY_LABEL[f.severity]}】${f.message}（${f.rule}）`)
        .join("\n"),
    };
  });
}

export function mostSevere(findings: readonly Finding[]): Severity {
  if (findings.some((f) => f.severity === "error")) return "error";
  if (findings.some((f) => f.severity === "warning")) return "warning";
  return "info";
}

/** The note a marked cell gets: the user's own note first, then the marker line, then ours. */
export function composeNote(previous: string | null, ours: string): string {
  return previous ? `${previous}\n${NOTE_MARKER}\n${ours}` : `${NOTE_MARKER}\n${ours}`;
}

/** The ledger sheet's rows (column A only), header included. */
export function encodeLedger(entries: readonly LedgerEntry[]): string[] {
  return [LEDGER_TAG, LEDGER_NOTICE, ...entries.map((entry) => JSON.stringify(entry))];
}

export interface DecodedLedger {
  entries: LedgerEntry[];
  /** Rows that were not a valid entry (edited by hand, cut off): skipped, counted. */
  unreadable: number;
}

/**
 * Reads column A of the ledger sheet (`rows[0]` is A1). A sheet without our tag yields no entries;
 * a row that is not a valid entry is counted and skipped rather than guessed at.
 */
export function decodeLedger(column: readonly unknown[]): DecodedLedger {
  if (column[0] !== LEDGER_TAG) return { entries: [], unreadable: 0 };
  const entries: LedgerEntry[] = [];
  let unreadable = 0;
  for (let i = LEDGER_FIRST_ROW - 1; i < column.length; i++) {
    const text = column[i];
    if (text === null || text === undefined || text === "") break;
    const entry = typeof text === "string" ? parseEntry(text) : undefined;
    if (entry) entries.push(entry);
    else unreadable++;
  }
  return { entries, unreadable };
}

function parseEntry(text: string): LedgerEntry | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(raw)) return undefined;
  const { sheet, cell, before, beforeNote, markColor, markNote } = raw;
  if (typeof sheet !== "string" || typeof cell !== "string" || !/^[A-Z]{1,3}\d+$/.test(cell)) {
    return undefined;
  }
  if (!isFillRecord(before) || typeof markColor !== "string") return undefined;
  if (beforeNote !== null && typeof beforeNote !== "string") return undefined;
  if (markNote !== null && typeof markNote !== "string") return undefined;
  return { sheet, cell, before, beforeNote, markColor, markNote };
}

function isFillRecord(value: unknown): value is FillRecord {
  if (!isRecord(value)) return false;
  if (value.kind === "none") return true;
  if (value.kind === "solid") return isColor(value.color);
  if (value.kind === "pattern") {
    return (
      typeof value.pattern === "string" &&
      isColor(value.color) &&
      (value.patternColor === null || isColor(value.patternColor))
    );
  }
  return false;
}

function isColor(value: unknown): value is string {
  return typeof value === "string" && /^[0-9A-F]{6}$/.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What a cell looks like now, as a host reads it before restoring. */
export interface CurrentCell {
  fill: FillRecord;
  note: string | null;
}

export interface RestorePlan {
  /** Put `entry.before` back: the cell still shows our mark colour. */
  fill: boolean;
  /**
   * The note to leave on the cell: `entry.beforeNote` when ours is still there (null = delete the
   * note), or undefined to leave the note alone (the user changed or removed it).
   */
  note: { set: string | null } | undefined;
}

/**
 * Decides what clearing one entry does, so a cell that is no longer ours (a row was deleted and
 * another cell moved up, the user recoloured it or edited our note) is left alone rather than
 * "restored" over the user's work. Nothing to do at all means the entry is reported as skipped.
 */
export function planRestore(entry: LedgerEntry, current: CurrentCell): RestorePlan {
  const fill = current.fill.kind === "solid" && current.fill.color === entry.markColor;
  let note: RestorePlan["note"];
  if (entry.markNote !== null && current.note !== null) {
    if (current.note === composeNote(entry.beforeNote, entry.markNote)) {
      note = { set: entry.beforeNote };
    } else {
      // The user edited the note after marking: keep their edit, drop only our part.
      const ours = current.note.indexOf(`${NOTE_MARKER}\n`);
      if (ours >= 0) {
        const kept = current.note.slice(0, ours).replace(/\n$/, "");
        note = { set: kept === "" ? null : kept };
      }
    }
  }
  return { fill, note };
}

/** True when restoring found nothing of ours left in the cell. */
export function nothingToRestore(plan: RestorePlan): boolean {
  return !plan.fill && plan.note === undefined;
}

/** "FFC7CE" from "#ffc7ce", "FFFFC7CE" (ARGB) or "ffc7ce"; undefined for anything else. */
export function normalizeColor(color: string | null | undefined): string | undefined {
  if (!color) return undefined;
  const hex = color.replace(/^#/, "").toUpperCase();
  if (/^[0-9A-F]{8}$/.test(hex)) return hex.slice(2);
  if (/^[0-9A-F]{6}$/.test(hex)) return hex;
  return undefined;
}

/**
 * The ledger is rewritten whole on every mark (previous marks are cleared first), so it holds at
 * most one entry per marked cell; this cap keeps a pathological workbook from writing a sheet of
 * a million rows. Cells past it are marked nowhere and reported as skipped.
 */
export const MAX_MARKED_CELLS = 20_000;
