/**
 * 标记 and 清除标记 through the mark ledger (src/hosts/marks/ledger.ts), in a constant number of
 * syncs whatever the number of cells or sheets:
 *   1. sheet names, the ledger sheet, workbook structure protection, the events flag;
 *   2. the ledger's rows and every sheet's protection;
 *   (2b. only where Excel cannot say which sheets have a password: one try at unprotecting them);
 *   3. the current fill and note of every cell in the ledger and every cell to mark;
 *   4. the writes — restores, marks, the ledger — with events off, split only when their text
 *      would pass Excel on the web's 5 MB request limit;
 *   5. events back on.
 * Cells are first restored in memory (ledger entries newest first), then marked, so every cell gets
 * at most one fill write and one note write whatever happened to it.
 */
import {
  LEDGER_SHEET,
  composeNote,
  decodeLedger,
  encodeLedger,
  planMarks,
  type CellMark,
  type FillRecord,
  type LedgerEntry,
} from "../marks/ledger";
import {
  MARK_SAY,
  cellKey as keyOf,
  markInMemory,
  movedNoteTexts,
  pickMovedMarks,
  planPass,
  restoreInto as restoreCell,
  type CellState,
} from "../marks/plan";
import { HostError, type ClearSummary, type MarkSummary, type SkippedCell } from "../types";
import type { Finding } from "../../core/findings";
import { parseAreas } from "./address";
import type { ExcelEnv, ExcelFeatures } from "./env";
import { fillLoadPaths, readFill, writeFill } from "./fill";
import {
  queueProtection,
  queueReprotect,
  queueUnprotect,
  readProtection,
  tryUnprotect,
  type SheetProtection,
} from "./protection";

/** Bytes of written text per sync (ledger rows and notes), under Excel on the web's 5 MB. */
export const MAX_WRITE_BYTES_PER_SYNC = 2_000_000;

const SAY = {
  ...MARK_SAY,
  noteLeft:
    "底色已恢复，但当前 Excel 不支持批注接口（需要 ExcelApi 1.18），助手添加的批注未删除；请在新版 Excel 或 WPS 中再次清除标记",
};

interface LoadedCell {
  range: Excel.Range;
  note: Excel.Note | undefined;
}

export async function markCells(
  env: ExcelEnv,
  features: ExcelFeatures,
  findings: readonly Finding[],
): Promise<MarkSummary> {
  const planned = planMarks(findings);
  const result = await runPass(env, features, planned);
  return {
    marked: result.marked,
    notesOmitted: !features.notes && planned.length > 0,
    // Adding the very hidden ledger sheet empties Excel's undo stack (hosts.md), once per workbook.
    undoCleared: result.ledgerCreated,
    skipped: result.markSkipped,
    cleared: result.cleared,
  };
}

export async function clearCells(env: ExcelEnv, features: ExcelFeatures): Promise<ClearSummary> {
  return (await runPass(env, features, [])).cleared;
}

interface PassResult {
  marked: number;
  markSkipped: SkippedCell[];
  cleared: ClearSummary;
  /** This pass added the ledger sheet (and so set a sheet's visibility). */
  ledgerCreated: boolean;
}

async function runPass(
  env: ExcelEnv,
  features: ExcelFeatures,
  planned: readonly CellMark[],
): Promise<PassResult> {
  return env.run(async (context) => {
    const workbook = context.workbook;
    // 1.
    const worksheets = workbook.worksheets;
    worksheets.load("items/name");
    const ledgerSheet = worksheets.getItemOrNullObject(LEDGER_SHEET);
    const structure = workbook.protection.load("protected");
    await context.sync();

    // 2.
    const byName = new Map<string, Excel.Worksheet>();
    for (const ws of worksheets.items) if (ws.name !== LEDGER_SHEET) byName.set(ws.name, ws);
    const protections = new Map<string, SheetProtection>();
    for (const [name, ws] of byName) {
      protections.set(name, queueProtection(ws, name, features.passwordFlag));
    }
    const ledgerRange = ledgerSheet.isNullObject
      ? undefined
      : ledgerSheet.getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex");
    await context.sync();
    for (const state of protections.values()) readProtection(state, features.passwordFlag);
    const ledgerColumn = ledgerRange ? columnA(ledgerRange) : [];
    const ledger = decodeLedger(ledgerColumn);
    const oldLedgerRows = ledgerColumn.length;

    // Which sheets this pass touches.
    const touched = new Set<string>();
    for (const entry of ledger.entries) if (byName.has(entry.sheet)) touched.add(entry.sheet);
    for (const mark of planned) if (byName.has(mark.sheet)) touched.add(mark.sheet);
    const mustTry = [...touched]
      .map((name) => protections.get(name)!)
      .filter((s) => s.protected && s.password === undefined);
    let writing = false;
    try {
      // 2b.
      if (mustTry.length > 0) await tryUnprotect(context, mustTry);
      const writable = (sheet: string) => protections.get(sheet)?.password === false;

      // 3. Current state of every cell we may restore or mark.
      const loaded = new Map<string, LoadedCell>();
      const load = (sheet: string, cell: string) => {
        const key = keyOf(sheet, cell);
        if (loaded.has(key)) return;
        const ws = byName.get(sheet)!;
        const range = ws.getRange(cell);
        // eslint-disable-next-line office-addins/no-empty-load -- the paths depend on the API set
        range.format.fill.load(fillLoadPaths(features.pattern));
        const note = features.notes
          ? ws.notes.getItemOrNullObject(cell).load("content")
          : undefined;
        loaded.set(key, { range, note });
      };
      const { clearSkipped, markSkipped, kept, toRestore, toMark } = planPass(
        ledger,
        planned,
        { exists: (sheet) => byName.has(sheet), writable },
        load,
      );
      if (loaded.size === 0 && oldLedgerRows === 0) {
        return {
          marked: 0,
          markSkipped,
          cleared: { restored: 0, skipped: clearSkipped },
          ledgerCreated: false,
        };
      }
      if (toMark.length > 0 && ledgerSheet.isNullObject && structure.protected) {
        throw new HostError(SAY.structure);
      }
      await context.sync();

      const original = new Map<string, CellState>();
      for (const [key, { range, note }] of loaded) {
        const [sheet, cell] = key.split("\u0000");
        original.set(key, {
          sheet,
          cell,
          fill: readFill(range.format.fill, features.pattern),
          note: note && !note.isNullObject ? note.content : null,
        });
      }
      const state = new Map([...original].map(([key, value]) => [key, { ...value }]));

      // Restore in memory, newest entry first, so a cell listed twice ends as it was first.
      let restored = 0;
      const restoreInto = (entry: LedgerEntry, now: CellState): boolean => {
        if (!restoreCell(entry, now)) return false;
        restored++;
        if (entry.markNote !== null && !features.notes) {
          clearSkipped.push({ sheet: entry.sheet, cell: entry.cell, reason: SAY.noteLeft });
          kept.push(entry);
        }
        return true;
      };
      // A mark whose exact note is no longer at its address has moved (rows or columns deleted or
      // inserted since marking) or the user edited the note: look for it elsewhere first.
      const moved: LedgerEntry[] = [];
      const inPlace = new Set<string>();
      for (let i = toRestore.length - 1; i >= 0; i--) {
        const entry = toRestore[i];
        const key = keyOf(entry.sheet, entry.cell);
        const now = state.get(key)!;
        const exact =
          !features.notes ||
          entry.markNote === null ||
          now.note === composeNote(entry.beforeNote, entry.markNote);
        if (!exact) moved.push(entry);
        else if (restoreInto(entry, now)) inPlace.add(key);
        else clearSkipped.push({ sheet: entry.sheet, cell: entry.cell, reason: SAY.moved });
      }

      // Each moved mark is found again by its note — the user's note, the marker line and our
      // messages, the exact text we wrote — on a cell that still shows the mark colour.
      const relocated =
        moved.length > 0
          ? await findMovedMarks(context, byName, moved, inPlace, features.pattern)
          : new Map<LedgerEntry, MovedMark>();
      for (const entry of moved) {
        const found = relocated.get(entry);
        let key = keyOf(entry.sheet, entry.cell);
        if (found) {
          key = keyOf(entry.sheet, found.cell);
          if (!loaded.has(key)) {
            loaded.set(key, { range: found.range, note: found.note });
            const current: CellState = {
              sheet: entry.sheet,
              cell: found.cell,
              fill: found.fill,
              note: found.note.content,
            };
            original.set(key, current);
            state.set(key, { ...current });
          }
        }
        // Not found elsewhere: the note was edited in place; restore what is still ours there.
        if (!restoreInto(entry, state.get(key)!)) {
          clearSkipped.push({ sheet: entry.sheet, cell: entry.cell, reason: SAY.moved });
        }
      }

      // Mark in memory, recording what each cell looks like after the restore.
      const entries = markInMemory(kept, toMark, state, features.notes);

      // 4. Writes, events off so onChanged does not report them as the user's edits.
      writing = true;
      if (features.events) context.runtime.enableEvents = false;
      for (const name of new Set([...state.values()].map((s) => s.sheet))) {
        queueUnprotect(protections.get(name)!);
      }
      let bytes = 0;
      const flushIfFull = async (more: number) => {
        bytes += more;
        if (bytes > MAX_WRITE_BYTES_PER_SYNC) {
          await context.sync();
          bytes = 0;
        }
      };
      for (const [key, after] of state) {
        const before = original.get(key)!;
        const { range, note } = loaded.get(key)!;
        if (!sameFill(before.fill, after.fill))
          writeFill(range.format.fill, after.fill, features.pattern);
        if (features.notes && before.note !== after.note) {
          if (after.note === null) note!.delete();
          else if (before.note === null) byName.get(after.sheet)!.notes.add(range, after.note);
          else note!.content = after.note;
        }
        await flushIfFull(200 + utf8Length(after.note ?? ""));
      }
      const ledgerCreated = await writeLedger(
        context,
        ledgerSheet,
        entries,
        oldLedgerRows,
        flushIfFull,
      );
      queueReprotect(protections.values());
      await context.sync();
      return {
        marked: toMark.length,
        markSkipped,
        cleared: { restored, skipped: clearSkipped },
        ledgerCreated,
      };
    } finally {
      // 5. Whatever happened: sheets we unprotected are protected again, events back on.
      const leftOpen = [...protections.values()].some((s) => s.unprotected);
      if (leftOpen || (writing && features.events)) {
        queueReprotect(protections.values());
        // Only the adapter turns this add-in's events off, so "on" is what it was before.
        if (writing && features.events) context.runtime.enableEvents = true;
        await context.sync().catch(() => undefined);
      }
    }
  });
}

interface MovedMark {
  cell: string;
  range: Excel.Range;
  note: Excel.Note;
  fill: FillRecord;
}

/**
 * Looks for marks that are no longer at their ledger address: every note on the sheets concerned
 * (one sync), then the location and fill of the notes whose text is exactly one we wrote (one more
 * sync). Each entry takes the nearest such cell still showing its mark colour, each cell serves one
 * entry. Two syncs whatever the number of notes, and only when a mark has moved.
 */
async function findMovedMarks(
  context: Excel.RequestContext,
  byName: ReadonlyMap<string, Excel.Worksheet>,
  moved: readonly LedgerEntry[],
  inPlace: ReadonlySet<string>,
  withPattern: boolean,
): Promise<Map<LedgerEntry, MovedMark>> {
  const { wanted, texts } = movedNoteTexts(moved);
  const sheets = [...new Set(wanted.map((entry) => entry.sheet))];
  const collections = sheets.map((name) => byName.get(name)!.notes.load("items/content"));
  await context.sync();

  const loaded: Array<{ sheet: string; note: Excel.Note; range: Excel.Range }> = [];
  sheets.forEach((sheet, i) => {
    for (const note of collections[i].items) {
      if (!texts.has(keyOf(sheet, note.content))) continue;
      const range = note.getLocation().load("address");
      range.format.fill.load(fillLoadPaths(withPattern));
      loaded.push({ sheet, note, range });
    }
  });
  const found = new Map<LedgerEntry, MovedMark>();
  if (loaded.length === 0) return found;
  await context.sync();

  const candidates = loaded.map(({ sheet, note, range }) => {
    const area = parseAreas(range.address)[0]?.range;
    return {
      id: note,
      sheet,
      text: note.content,
      fill: readFill(range.format.fill, withPattern),
      at: area && { row: area.top, col: area.left },
      range,
    };
  });
  for (const [entry, { candidate, cell }] of pickMovedMarks(wanted, candidates, inPlace)) {
    found.set(entry, { cell, range: candidate.range, note: candidate.id, fill: candidate.fill });
  }
  return found;
}

/**
 * Rewrites the ledger sheet's column A: header and one JSON row per entry. Column A is text ("@")
 * before anything is written, so no row is ever read back as a number or a date. The ledger sheet
 * is created very hidden the first time (only then: changing visibility empties Excel's undo
 * stack); an empty ledger keeps its header so the sheet stays recognisable. Says whether it created
 * the sheet, so the pane can tell the user their undo history is gone.
 */
async function writeLedger(
  context: Excel.RequestContext,
  existing: Excel.Worksheet,
  entries: readonly LedgerEntry[],
  oldRows: number,
  flushIfFull: (bytes: number) => Promise<void>,
): Promise<boolean> {
  if (existing.isNullObject && entries.length === 0) return false;
  let sheet = existing;
  if (existing.isNullObject) {
    sheet = context.workbook.worksheets.add(LEDGER_SHEET);
    sheet.visibility = "VeryHidden";
  }
  const rows = encodeLedger(entries);
  const total = Math.max(rows.length, oldRows);
  if (oldRows > rows.length) sheet.getRange(`A${rows.length + 1}:A${oldRows}`).clear("Contents");
  sheet.getRange(`A1:A${total}`).numberFormat = Array.from({ length: total }, () => ["@"]);
  // Rows go in slices so that no single request carries more than the byte budget.
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = 0;
    while (
      end < rows.length &&
      (end === start || bytes + utf8Length(rows[end]) < MAX_WRITE_BYTES_PER_SYNC)
    ) {
      bytes += utf8Length(rows[end]);
      end++;
    }
    sheet.getRange(`A${start + 1}:A${end}`).values = rows.slice(start, end).map((row) => [row]);
    await flushIfFull(bytes);
    start = end;
  }
  return existing.isNullObject;
}

/** Column A of the ledger's used range, as rows from A1 (a used range may start lower). */
function columnA(range: Excel.Range): unknown[] {
  if (range.isNullObject || range.columnIndex !== 0) return [];
  const column: unknown[] = Array.from({ length: range.rowIndex }, () => "");
  for (const row of range.values) column.push(row[0]);
  while (
    column.length > 0 &&
    (column[column.length - 1] === "" || column[column.length - 1] === null)
  ) {
    column.pop();
  }
  return column;
}

function sameFill(a: FillRecord, b: FillRecord): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
  }
  return bytes;
}
