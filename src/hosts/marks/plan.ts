/**
 * The host-neutral half of 标记 and 清除标记: which ledger entries to restore, keep or drop, which
 * cells to mark or skip and why, the in-memory restore and mark, and the choice of where a moved
 * mark went. Both the Excel (Office.js) and the WPS (ET) adapters run the same decisions, so a
 * workbook marked in one host is cleared the same way in the other; each adapter keeps only its
 * own reads and writes.
 */
import type { SkippedCell } from "../types";
import { normalizeCell, parseRange } from "../shared/address";
import { toA1 } from "../../core/grid";
import {
  LEDGER_SHEET,
  MAX_MARKED_CELLS,
  composeNote,
  nothingToRestore,
  planRestore,
  type CellMark,
  type DecodedLedger,
  type FillRecord,
  type LedgerEntry,
} from "./ledger";

/** The skipped-cell reasons both hosts give, word for word. */
export const MARK_SAY = {
  passwordMark: (sheet: string) => `工作表“${sheet}”设有密码保护，未标记；请先撤销保护再校验标记`,
  passwordClear: (sheet: string) =>
    `工作表“${sheet}”设有密码保护，标记未清除；请先撤销保护再清除标记`,
  missingMark: (sheet: string) => `找不到工作表“${sheet}”，未标记；请重新校验后再标记`,
  missingClear: (sheet: string) => `工作表“${sheet}”已不存在，其中的标记无法恢复，已从记录中移除`,
  badCell: "单元格地址无效，未标记",
  moved: "单元格已被移动或删除，或其底色和批注已被修改，未恢复，请检查该单元格",
  tooMany: `一次最多标记 ${MAX_MARKED_CELLS} 个单元格，其余单元格未标记；请分工作表校验`,
  unreadable: (n: number) => `标记记录中有 ${n} 行无法识别（可能被手工修改），已跳过`,
  structure:
    "工作簿结构受保护，无法添加保存标记记录的隐藏工作表；请在“审阅”选项卡中撤销“保护工作簿”后再标记",
};

/** One cell as a pass sees it: read before restoring, then changed in memory. */
export interface CellState {
  sheet: string;
  cell: string;
  fill: FillRecord;
  note: string | null;
}

/** A mark whose address is known to be a valid single cell (upper case, no "$"). */
export type PlacedMark = CellMark & { cell: string };

export interface PassPlan {
  clearSkipped: SkippedCell[];
  markSkipped: SkippedCell[];
  /** Entries that stay in the ledger untouched (their sheet has a password). */
  kept: LedgerEntry[];
  /** Entries whose cells this pass restores, in ledger order. */
  toRestore: LedgerEntry[];
  toMark: PlacedMark[];
}

/** What the adapter knows of the workbook's sheets when planning. */
export interface PassSheets {
  exists(sheet: string): boolean;
  /** The sheet is unprotected (or was unprotected by this pass) and may be written. */
  writable(sheet: string): boolean;
}

/**
 * Sorts the ledger entries and the planned marks into what this pass restores, keeps, marks and
 * skips (with the reason the user reads). `load` is called for every cell the pass will read, in
 * ledger then mark order, so the adapter can queue or perform its reads as it goes.
 */
export function planPass(
  ledger: DecodedLedger,
  planned: readonly CellMark[],
  sheets: PassSheets,
  load: (sheet: string, cell: string) => void,
): PassPlan {
  const clearSkipped: SkippedCell[] = [];
  const markSkipped: SkippedCell[] = [];
  if (ledger.unreadable > 0) {
    clearSkipped.push({
      sheet: LEDGER_SHEET,
      cell: "",
      reason: MARK_SAY.unreadable(ledger.unreadable),
    });
  }
  const kept: LedgerEntry[] = [];
  const toRestore: LedgerEntry[] = [];
  for (const entry of ledger.entries) {
    if (!sheets.exists(entry.sheet)) {
      clearSkipped.push({
        sheet: entry.sheet,
        cell: entry.cell,
        reason: MARK_SAY.missingClear(entry.sheet),
      });
    } else if (!sheets.writable(entry.sheet)) {
      // Kept in the ledger: once the user lifts the password, clearing restores these cells.
      clearSkipped.push({
        sheet: entry.sheet,
        cell: entry.cell,
        reason: MARK_SAY.passwordClear(entry.sheet),
      });
      kept.push(entry);
    } else {
      toRestore.push(entry);
      load(entry.sheet, entry.cell);
    }
  }
  const toMark: PlacedMark[] = [];
  for (const mark of planned) {
    const cell = normalizeCell(mark.cell);
    if (!cell) markSkipped.push({ sheet: mark.sheet, cell: mark.cell, reason: MARK_SAY.badCell });
    else if (!sheets.exists(mark.sheet)) {
      markSkipped.push({ sheet: mark.sheet, cell, reason: MARK_SAY.missingMark(mark.sheet) });
    } else if (!sheets.writable(mark.sheet)) {
      markSkipped.push({ sheet: mark.sheet, cell, reason: MARK_SAY.passwordMark(mark.sheet) });
    } else if (toMark.length + kept.length >= MAX_MARKED_CELLS) {
      markSkipped.push({ sheet: mark.sheet, cell, reason: MARK_SAY.tooMany });
    } else {
      toMark.push({ ...mark, cell });
      load(mark.sheet, cell);
    }
  }
  return { clearSkipped, markSkipped, kept, toRestore, toMark };
}

/**
 * Restores one entry into the in-memory cell: our fill back to `entry.before`, our note part
 * removed. False when nothing of ours was left there (the caller reports or relocates it).
 */
export function restoreInto(entry: LedgerEntry, now: CellState): boolean {
  const plan = planRestore(entry, now);
  if (nothingToRestore(plan)) return false;
  if (plan.fill) now.fill = entry.before;
  if (plan.note) now.note = plan.note.set;
  return true;
}

/**
 * Marks each cell in memory and returns the new ledger: the kept entries, then one entry per mark
 * recording what the cell looked like after the restore. Without notes (an old Excel) neither the
 * note before nor ours is recorded, and the note is left as it is.
 */
export function markInMemory(
  kept: readonly LedgerEntry[],
  toMark: readonly PlacedMark[],
  state: ReadonlyMap<string, CellState>,
  withNotes: boolean,
): LedgerEntry[] {
  const entries: LedgerEntry[] = [...kept];
  for (const mark of toMark) {
    const now = state.get(cellKey(mark.sheet, mark.cell))!;
    entries.push({
      sheet: mark.sheet,
      cell: mark.cell,
      before: now.fill,
      beforeNote: withNotes ? now.note : null,
      markColor: mark.color,
      markNote: withNotes ? mark.text : null,
    });
    now.fill = { kind: "solid", color: mark.color };
    if (withNotes) now.note = composeNote(now.note, mark.text);
  }
  return entries;
}

/** The moved entries worth looking for (ours had a note), and the note texts that identify them. */
export function movedNoteTexts(moved: readonly LedgerEntry[]): {
  wanted: LedgerEntry[];
  texts: Set<string>;
} {
  const wanted = moved.filter((entry) => entry.markNote !== null);
  const texts = new Set(wanted.map((e) => cellKey(e.sheet, markedNoteOf(e))));
  return { wanted, texts };
}

/** A cell carrying one of our note texts, as the adapter found it (1-based row and column). */
export interface NoteCandidate<Id> {
  /** The host's note object: each one serves at most one entry. */
  id: Id;
  sheet: string;
  text: string;
  fill: FillRecord;
  /** Undefined when the host could not say where the note is; such a note is passed over. */
  at: { row: number; col: number } | undefined;
}

/**
 * For each wanted entry, the nearest candidate (by rows plus columns from the ledger address) on
 * its sheet with exactly the note text we wrote and still showing the mark colour, not a cell
 * already restored in place (`inPlace`, keyed by `cellKey`). Each candidate serves one entry.
 */
export function pickMovedMarks<Id, C extends NoteCandidate<Id>>(
  wanted: readonly LedgerEntry[],
  candidates: readonly C[],
  inPlace: ReadonlySet<string>,
): Map<LedgerEntry, { candidate: C; cell: string }> {
  const found = new Map<LedgerEntry, { candidate: C; cell: string }>();
  const taken = new Set<Id>();
  for (const entry of wanted) {
    const at = parseRange(entry.cell)!;
    const text = markedNoteOf(entry);
    let best: { candidate: C; cell: string; distance: number } | undefined;
    for (const candidate of candidates) {
      if (candidate.sheet !== entry.sheet || taken.has(candidate.id)) continue;
      if (candidate.text !== text) continue;
      const fill = candidate.fill;
      if (fill.kind !== "solid" || fill.color !== entry.markColor) continue;
      const where = candidate.at;
      if (!where) continue;
      const cell = toA1(where.row, where.col);
      if (inPlace.has(cellKey(entry.sheet, cell))) continue;
      const distance = Math.abs(where.row - at.top) + Math.abs(where.col - at.left);
      if (!best || distance < best.distance) best = { candidate, cell, distance };
    }
    if (!best) continue;
    taken.add(best.candidate.id);
    found.set(entry, { candidate: best.candidate, cell: best.cell });
  }
  return found;
}

/** The full note text a marked cell got from this entry (the user's note, marker line, ours). */
function markedNoteOf(entry: LedgerEntry): string {
  return composeNote(entry.beforeNote, entry.markNote ?? "");
}

/** Map key for one cell of one sheet. */
export function cellKey(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell}`;
}
