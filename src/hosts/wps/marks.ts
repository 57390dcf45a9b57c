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
import { toA1 } from "../../core/grid";
import {
  LEDGER_SHEET,
  MAX_MARKED_CELLS,
  composeNote,
  decodeLedger,
  encodeLedger,
  nothingToRestore,
  planMarks,
  planRestore,
  type CellMark,
  type FillRecord,
  type LedgerEntry,
} from "../marks/ledger";
import { normalizeCell, parseRange } from "../shared/address";
import { HostError, type ClearSummary, type MarkSummary, type SkippedCell } from "../types";
import { activeWorkbook, type WpsEnv } from "./env";
import { readInterior, sameFill, writeInterior } from "./fill";
import { reprotect, readLock, tryUnprotect, type SheetLock } from "./protection";
import { SheetIndex, addSheet } from "./sheets";

/** XlSheetVisibility.xlSheetVeryHidden: not even listed under 取消隐藏. */
const XL_SHEET_VERY_HIDDEN = 2;

const SAY = {
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

interface CellState {
  sheet: string;
  cell: string;
  fill: FillRecord;
  note: string | null;
}

interface LoadedCell {
  range: Et.Range;
  comment: Et.Comment | null;
}

export function markCells(env: WpsEnv, findings: readonly Finding[]): MarkSummary {
  const result = runPass(env, planMarks(findings));
  return {
    marked: result.marked,
    notesOmitted: false,
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
    const clearSkipped: SkippedCell[] = [];
    const markSkipped: SkippedCell[] = [];
    if (ledger.unreadable > 0) {
      clearSkipped.push({
        sheet: LEDGER_SHEET,
        cell: "",
        reason: SAY.unreadable(ledger.unreadable),
      });
    }
    const kept: LedgerEntry[] = [];
    const toRestore: LedgerEntry[] = [];
    for (const entry of ledger.entries) {
      if (!byName.has(entry.sheet)) {
        clearSkipped.push({
          sheet: entry.sheet,
          cell: entry.cell,
          reason: SAY.missingClear(entry.sheet),
        });
      } else if (!writable(entry.sheet)) {
        // Kept in the ledger: once the user lifts the password, clearing restores these cells.
        clearSkipped.push({
          sheet: entry.sheet,
          cell: entry.cell,
          reason: SAY.passwordClear(entry.sheet),
        });
        kept.push(entry);
      } else {
        toRestore.push(entry);
        load(entry.sheet, entry.cell);
      }
    }
    const toMark: Array<CellMark & { cell: string }> = [];
    for (const mark of planned) {
      const cell = normalizeCell(mark.cell);
      if (!cell) markSkipped.push({ sheet: mark.sheet, cell: mark.cell, reason: SAY.badCell });
      else if (!byName.has(mark.sheet)) {
        markSkipped.push({ sheet: mark.sheet, cell, reason: SAY.missingMark(mark.sheet) });
      } else if (!writable(mark.sheet)) {
        markSkipped.push({ sheet: mark.sheet, cell, reason: SAY.passwordMark(mark.sheet) });
      } else if (toMark.length + kept.length >= MAX_MARKED_CELLS) {
        markSkipped.push({ sheet: mark.sheet, cell, reason: SAY.tooMany });
      } else {
        toMark.push({ ...mark, cell });
        load(mark.sheet, cell);
      }
    }
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
      const plan = planRestore(entry, now);
      if (nothingToRestore(plan)) return false;
      if (plan.fill) now.fill = entry.before;
      if (plan.note) now.note = plan.note.set;
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
    const entries: LedgerEntry[] = [...kept];
    for (const mark of toMark) {
      const now = state.get(keyOf(mark.sheet, mark.cell))!;
      entries.push({
        sheet: mark.sheet,
        cell: mark.cell,
        before: now.fill,
        beforeNote: now.note,
        markColor: mark.color,
        markNote: mark.text,
      });
      now.fill = { kind: "solid", color: mark.color };
      now.note = composeNote(now.note, mark.text);
    }

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
  const wanted = moved.filter((entry) => entry.markNote !== null);
  const texts = new Set(
    wanted.map((e) => `${e.sheet}\u0000${composeNote(e.beforeNote, e.markNote ?? "")}`),
  );
  const candidates: Array<{
    sheet: string;
    comment: Et.Comment;
    text: string;
    range: Et.Range;
    at: { row: number; col: number };
    fill: FillRecord;
  }> = [];
  for (const sheet of new Set(wanted.map((entry) => entry.sheet))) {
    const comments = byName.get(sheet)!.Comments;
    const count = comments.Count;
    for (let i = 1; i <= count; i++) {
      const comment = comments.Item(i);
      const text = comment.Text();
      if (!texts.has(`${sheet}\u0000${text}`)) continue;
      const range = comment.Parent as Et.Range;
      candidates.push({
        sheet,
        comment,
        text,
        range,
        at: { row: range.Row, col: range.Column },
        fill: readInterior(range.Interior),
      });
    }
  }
  const found = new Map<LedgerEntry, MovedMark>();
  const taken = new Set<Et.Comment>();
  for (const entry of wanted) {
    const at = parseRange(entry.cell)!;
    const text = composeNote(entry.beforeNote, entry.markNote ?? "");
    let best: { candidate: (typeof candidates)[number]; distance: number } | undefined;
    for (const candidate of candidates) {
      if (candidate.sheet !== entry.sheet || taken.has(candidate.comment)) continue;
      if (candidate.text !== text) continue;
      if (candidate.fill.kind !== "solid" || candidate.fill.color !== entry.markColor) continue;
      const distance = Math.abs(candidate.at.row - at.top) + Math.abs(candidate.at.col - at.left);
      if (!best || distance < best.distance) best = { candidate, distance };
    }
    if (!best) continue;
    const { candidate } = best;
    taken.add(candidate.comment);
    found.set(entry, {
      cell: toA1(candidate.at.row, candidate.at.col),
      range: candidate.range,
      comment: candidate.comment,
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

function keyOf(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell}`;
}
