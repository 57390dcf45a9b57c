/**
 * 标记 and 清除标记 through the mark ledger (src/hosts/marks/ledger.ts), the same rows the Excel
 * adapter and `perf-eval annotate` write, so a workbook marked in one host is cleared in the other.
 * The ET object model is synchronous, so the pass is the Excel adapter's in plain order:
 *   1. the sheets, the ledger sheet and its rows, which sheets are protected;
 *   2. a try at unprotecting the protected sheets concerned (a password keeps them untouched);
 *   3. the current fill and 批注 of every cell in the ledger and every cell to mark;
 *   4. restore in memory (ledger entries newest first), find moved marks by their note, then mark;
 *   5. the writes — only cells whose fill or note changes —, the ledger, protection back on.
 */
import type { Finding } from "../../core/findings";
import {
  LEDGER_SHEET,
  decodeLedger,
  encodeLedger,
  planMarks,
  type CellMark,
  type FillRecord,
  type LedgerEntry,
} from "../marks/ledger";
import {
  MARK_SAY as SAY,
  cellKey as keyOf,
  markInMemory,
  movedNoteTexts,
  pickMovedMarks,
  planPass,
  type NoteCandidate,
  restoreInto as restoreCell,
  type CellState,
} from "../marks/plan";
import { HostError, type ClearSummary, type MarkSummary, type SkippedCell } from "../types";
import { activeWorkbook, type WpsEnv } from "./env";
import { readInterior, sameFill, writeInterior } from "./fill";
import { reprotect, readLock, tryUnprotect, type SheetLock } from "./protection";
import { SheetIndex, addSheet } from "./sheets";

/** XlSheetVisibility.xlSheetVeryHidden: not even listed under 取消隐藏. */
const XL_SHEET_VERY_HIDDEN = 2;

interface LoadedCell {
  range: Et.Range;
  comment: Et.Comment | null;
}

export function markCells(env: WpsEnv, findings: readonly Finding[]): MarkSummary {
  const result = runPass(env, planMarks(findings));
  return {
    marked: result.marked,
    notesOmitted: false,
    // Adding the very hidden ledger sheet empties Excel's undo; nothing says WPS does the same
    // (README, 尚未验证 WPS), so the pane does not warn about an undo history it may still have.
    undoCleared: false,
    skipped: result.markSkipped,
    cleared: result.cleared,
  };
}

export function clearCells(env: WpsEnv): ClearSummary {
  return runPass(env, []).cleared;
}

interface PassResult {
  marked: number;
  markSkipped: SkippedCell[];
  cleared: ClearSummary;
}

function runPass(env: WpsEnv, planned: readonly CellMark[]): PassResult {
  const workbook = activeWorkbook(env);
  // 1.
  const index = new SheetIndex(workbook);
  const ledgerSheet = index.find(LEDGER_SHEET);
  const ledgerColumn = ledgerSheet ? columnA(ledgerSheet) : [];
  const ledger = decodeLedger(ledgerColumn);
  const oldLedgerRows = ledgerColumn.length;
  const byName = new Map<string, Et.Worksheet>();
  for (const { name, sheet } of index.sheets) if (name !== LEDGER_SHEET) byName.set(name, sheet);

  const locks = new Map<string, SheetLock>();
  const lockOf = (name: string) => {
    let lock = locks.get(name);
    if (!lock) {
      lock = readLock(byName.get(name)!, name);
      locks.set(name, lock);
    }
    return lock;
  };
  try {
    // 2. Every sheet this pass touches, unprotected where it has no password.
    for (const name of new Set([...ledger.entries, ...planned].map((item) => item.sheet))) {
      if (byName.has(name)) tryUnprotect(lockOf(name));
    }
    const writable = (sheet: string) => locks.get(sheet)?.password === false;

    // 3. Current state of every cell we may restore or mark.
    const loaded = new Map<string, LoadedCell>();
    const original = new Map<string, CellState>();
    const load = (sheet: string, cell: string) => {
      const key = keyOf(sheet, cell);
      if (loaded.has(key)) return;
      const range = byName.get(sheet)!.Range(cell);
      const comment = commentOf(range);
      loaded.set(key, { range, comment });
      original.set(key, {
        sheet,
        cell,
        fill: readInterior(range.Interior),
        note: comment ? comment.Text() : null,
      });
    };
    const { clearSkipped, markSkipped, kept, toRestore, toMark } = planPass(
      ledger,
      planned,
      { exists: (sheet) => byName.has(sheet), writable },
      load,
    );
    if (loaded.size === 0 && oldLedgerRows === 0) {
      return { marked: 0, markSkipped, cleared: { restored: 0, skipped: clearSkipped } };
    }
    if (toMark.length > 0 && !ledgerSheet && workbook.ProtectStructure === true) {
      throw new HostError(SAY.structure);
    }
    const state = new Map([...original].map(([key, value]) => [key, { ...value }]));

    // 4. Restore in memory, newest entry first, so a cell listed twice ends as it was first.
    let restored = 0;
    const restoreInto = (entry: LedgerEntry, now: CellState): boolean => {
      if (!restoreCell(entry, now)) return false;
      restored++;
      return true;
    };
    const moved: LedgerEntry[] = [];
    for (let i = toRestore.length - 1; i >= 0; i--) {
      const entry = toRestore[i];
      if (!restoreInto(entry, state.get(keyOf(entry.sheet, entry.cell))!)) moved.push(entry);
    }

    // Rows or columns deleted or inserted since marking move our cells away from the addresses in
    // the ledger: each moved mark is found again by its note (the exact text we wrote) on a cell
    // that still shows the mark colour, and restored there.
    const relocated = moved.some((entry) => entry.markNote !== null)
      ? findMovedMarks(byName, moved)
      : new Map<LedgerEntry, MovedMark>();
    for (const entry of moved) {
      const found = relocated.get(entry);
      if (found) {
        const key = keyOf(entry.sheet, found.cell);
        if (!loaded.has(key)) {
          loaded.set(key, { range: found.range, comment: found.comment });
          const current: CellState = {
            sheet: entry.sheet,
            cell: found.cell,
            fill: found.fill,
            note: found.note,
          };
          original.set(key, current);
          state.set(key, { ...current });
        }
        if (restoreInto(entry, state.get(key)!)) continue;
      }
      clearSkipped.push({ sheet: entry.sheet, cell: entry.cell, reason: SAY.moved });
    }

    // Mark in memory, recording what each cell looks like after the restore.
    const entries = markInMemory(kept, toMark, state, true);

    // 5. Writes: each cell's fill and note only where they change.
    for (const [key, after] of state) {
      const before = original.get(key)!;
      const cell = loaded.get(key)!;
      if (!sameFill(before.fill, after.fill)) writeInterior(cell.range.Interior, after.fill);
      if (before.note !== after.note) {
        // Delete and add rather than Comment.Text(…): replacing text in place keeps formatting
        // runs of the old note and differs between versions; a fresh note is exact.
        if (cell.comment) cell.comment.Delete();
        if (after.note !== null) cell.range.AddComment(after.note);
      }
    }
    writeLedger(workbook, ledgerSheet, entries, oldLedgerRows);
    return { marked: toMark.length, markSkipped, cleared: { restored, skipped: clearSkipped } };
  } finally {
    // Whatever happened: sheets we unprotected are protected again.
    reprotect(locks.values());
  }
}

/** The cell's 批注, or null (WPS gives null or an empty object for a cell without one). */
function commentOf(range: Et.Range): Et.Comment | null {
  const comment = range.Comment as Et.Comment | null | undefined;
  return comment && typeof comment.Text === "function" ? comment : null;
}

interface MovedMark {
  cell: string;
  range: Et.Range;
  comment: Et.Comment;
  fill: FillRecord;
  note: string;
}

/**
 * Looks for marks that are no longer at their ledger address: every 批注 on the sheets concerned,
 * then, for those whose text is exactly one we wrote, the cell (Comment.Parent) and its fill. Each
 * entry takes the nearest such cell still showing its mark colour; each cell serves one entry.
 */
function findMovedMarks(
  byName: ReadonlyMap<string, Et.Worksheet>,
  moved: readonly LedgerEntry[],
): Map<LedgerEntry, MovedMark> {
  const { wanted, texts } = movedNoteTexts(moved);
  const candidates: Array<NoteCandidate<Et.Comment> & { range: Et.Range }> = [];
  for (const sheet of new Set(wanted.map((entry) => entry.sheet))) {
    const comments = byName.get(sheet)!.Comments;
    const count = comments.Count;
    for (let i = 1; i <= count; i++) {
      const comment = comments.Item(i);
      const text = comment.Text();
      if (!texts.has(keyOf(sheet, text))) continue;
      const range = comment.Parent as Et.Range;
      candidates.push({
        id: comment,
        sheet,
        text,
        range,
        at: { row: range.Row, col: range.Column },
        fill: readInterior(range.Interior),
      });
    }
  }
  const found = new Map<LedgerEntry, MovedMark>();
  // This pass does not track the cells restored in place, so none is excluded (as before).
  for (const [entry, { candidate, cell }] of pickMovedMarks(wanted, candidates, new Set())) {
    found.set(entry, {
      cell,
      range: candidate.range,
      comment: candidate.id,
      fill: candidate.fill,
      note: candidate.text,
    });
  }
  return found;
}

/**
 * Rewrites the ledger sheet's column A: header and one JSON row per entry, in one Value2 write.
 * Column A is text ("@") before anything is written, so no row is read back as a number. The
 * ledger sheet is created very hidden the first time (WPS activates a sheet it adds, so the sheet
 * the user was on is activated again before hiding it); an empty ledger keeps its header.
 */
function writeLedger(
  workbook: Et.Workbook,
  existing: Et.Worksheet | undefined,
  entries: readonly LedgerEntry[],
  oldRows: number,
): void {
  if (!existing && entries.length === 0) return;
  let sheet = existing;
  if (!sheet) {
    const active = workbook.ActiveSheet as Et.Worksheet | null;
    sheet = addSheet(workbook, LEDGER_SHEET);
    active?.Activate();
    sheet.Visible = XL_SHEET_VERY_HIDDEN;
  }
  const rows = encodeLedger(entries);
  if (oldRows > rows.length) sheet.Range(`A${rows.length + 1}:A${oldRows}`).ClearContents();
  sheet.Range(`A1:A${Math.max(rows.length, oldRows)}`).NumberFormat = "@";
  sheet.Range(`A1:A${rows.length}`).Value2 = rows.map((row) => [row]);
}

/** Column A of the ledger sheet as rows from A1, trailing empty rows left out. */
function columnA(sheet: Et.Worksheet): unknown[] {
  const used = sheet.UsedRange;
  if (used.Column !== 1) return [];
  const last = used.Row + used.Rows.Count - 1;
  const raw: unknown = sheet.Range(last === 1 ? "A1" : `A1:A${last}`).Value2;
  let column: unknown[];
  if (Array.isArray(raw) && raw.length === last && raw.every((row) => Array.isArray(row))) {
    column = raw.map((row: unknown[]) => row[0]);
  } else if (last === 1 && !Array.isArray(raw)) column = [raw];
  else {
    // An undocumented shape: read the column cell by cell.
    column = Array.from({ length: last }, (_, i) => sheet.Range(`A${i + 1}`).Value2 as unknown);
  }
  while (
    column.length > 0 &&
    (column[column.length - 1] === "" || column[column.length - 1] == null)
  ) {
    column.pop();
  }
  return column;
}
