import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/findings";
import {
  LEDGER_SHEET,
  MARK_COLOR,
  MAX_MARKED_CELLS,
  NOTE_MARKER,
  composeNote,
  planMarks,
  type CellMark,
  type DecodedLedger,
  type FillRecord,
  type LedgerEntry,
} from "../../../src/hosts/marks/ledger";
import {
  MARK_SAY,
  cellKey,
  markInMemory,
  movedNoteTexts,
  pickMovedMarks,
  planPass,
  restoreInto,
  type CellState,
  type NoteCandidate,
  type PassSheets,
  type PlacedMark,
} from "../../../src/hosts/marks/plan";

const entry = (over: Partial<LedgerEntry> = {}): LedgerEntry => ({
  sheet: "表1",
  cell: "D7",
  before: { kind: "none" },
  beforeNote: null,
  markColor: MARK_COLOR.error,
  markNote: "【错误】请填写全年预算数（required-field）",
  ...over,
});

const mark = (over: Partial<CellMark> = {}): CellMark => ({
  sheet: "表1",
  cell: "D7",
  severity: "error",
  color: MARK_COLOR.error,
  text: "【错误】请填写全年预算数（required-field）",
  ...over,
});

/** "表1" and "表2" are writable, "锁定" has a password, every other sheet is missing. */
const sheets: PassSheets = {
  exists: (sheet) => ["表1", "表2", "锁定"].includes(sheet),
  // A real adapter knows no protection for a sheet it cannot find, so a missing sheet is also
  // "not writable": the pass must ask whether it exists first.
  writable: (sheet) => sheet === "表1" || sheet === "表2",
};

const ledgerOf = (entries: LedgerEntry[], unreadable = 0): DecodedLedger => ({
  entries,
  unreadable,
});

function runPass(ledger: DecodedLedger, planned: CellMark[], passSheets: PassSheets = sheets) {
  const loads: string[] = [];
  const plan = planPass(ledger, planned, passSheets, (sheet, cell) =>
    loads.push(`${sheet}!${cell}`),
  );
  return { plan, loads };
}

const stateOf = (sheet: string, cell: string, fill: FillRecord, note: string | null) =>
  new Map<string, CellState>([[cellKey(sheet, cell), { sheet, cell, fill, note }]]);

describe("planPass", () => {
  it("plans nothing and reads nothing for an empty ledger and no marks", () => {
    const { plan, loads } = runPass(ledgerOf([]), []);
    expect(plan).toEqual({
      clearSkipped: [],
      markSkipped: [],
      kept: [],
      toRestore: [],
      toMark: [],
    });
    expect(loads).toEqual([]);
  });

  it("restores entries on writable sheets in ledger order and marks cells in planned order", () => {
    const first = entry({ cell: "D7" });
    const second = entry({ sheet: "表2", cell: "B3" });
    const third = entry({ cell: "A1" });
    const { plan, loads } = runPass(ledgerOf([first, second, third]), [
      mark({ cell: "E9" }),
      mark({ sheet: "表2", cell: "C2", severity: "warning", color: MARK_COLOR.warning }),
    ]);
    expect(plan.toRestore).toEqual([first, second, third]);
    expect(plan.toRestore[0]).toBe(first);
    expect(plan.kept).toEqual([]);
    expect(plan.toMark).toEqual([
      mark({ cell: "E9" }),
      mark({ sheet: "表2", cell: "C2", severity: "warning", color: MARK_COLOR.warning }),
    ]);
    expect(plan.clearSkipped).toEqual([]);
    expect(plan.markSkipped).toEqual([]);
    // Every cell the pass reads, ledger first, then marks.
    expect(loads).toEqual(["表1!D7", "表2!B3", "表1!A1", "表1!E9", "表2!C2"]);
  });

  it("reads a cell that is both restored and marked again (re-marking) for both purposes", () => {
    const old = entry({ cell: "D7" });
    const { plan, loads } = runPass(ledgerOf([old]), [mark({ cell: "D7" })]);
    expect(plan.toRestore).toEqual([old]);
    expect(plan.toMark.map((m) => m.cell)).toEqual(["D7"]);
    expect(loads).toEqual(["表1!D7", "表1!D7"]);
  });

  it("drops entries whose sheet is gone, with the reason, and reads nothing there", () => {
    const gone = entry({ sheet: "旧表", cell: "F4" });
    const here = entry({ cell: "D7" });
    const { plan, loads } = runPass(ledgerOf([gone, here]), []);
    expect(plan.clearSkipped).toEqual([
      { sheet: "旧表", cell: "F4", reason: MARK_SAY.missingClear("旧表") },
    ]);
    // Neither kept nor restored: the new ledger no longer lists it.
    expect(plan.kept).toEqual([]);
    expect(plan.toRestore).toEqual([here]);
    expect(loads).toEqual(["表1!D7"]);
  });

  it("keeps entries on a password-protected sheet in the ledger and reports them", () => {
    const locked = entry({ sheet: "锁定", cell: "B2" });
    const lockedToo = entry({ sheet: "锁定", cell: "C3" });
    const open = entry({ cell: "D7" });
    const { plan, loads } = runPass(ledgerOf([locked, open, lockedToo]), []);
    expect(plan.kept).toEqual([locked, lockedToo]);
    expect(plan.toRestore).toEqual([open]);
    expect(plan.clearSkipped).toEqual([
      { sheet: "锁定", cell: "B2", reason: MARK_SAY.passwordClear("锁定") },
      { sheet: "锁定", cell: "C3", reason: MARK_SAY.passwordClear("锁定") },
    ]);
    expect(loads).toEqual(["表1!D7"]);
  });

  it("reports unreadable ledger rows once, against the ledger sheet, before any entry", () => {
    const { plan } = runPass(ledgerOf([entry({ sheet: "旧表" })], 3), []);
    expect(plan.clearSkipped[0]).toEqual({
      sheet: LEDGER_SHEET,
      cell: "",
      reason: MARK_SAY.unreadable(3),
    });
    expect(plan.clearSkipped[0].reason).toContain("3");
    expect(plan.clearSkipped).toHaveLength(2);
    expect(runPass(ledgerOf([], 0), []).plan.clearSkipped).toEqual([]);
  });

  it("normalises each mark's address and skips an invalid one with the address as given", () => {
    const { plan, loads } = runPass(ledgerOf([]), [
      mark({ cell: "$e$9" }),
      mark({ cell: " d7 " }),
      mark({ cell: "A0" }),
      mark({ cell: "XFE1" }),
      mark({ cell: "A1048577" }),
      mark({ cell: "A1:B2" }),
      mark({ cell: "" }),
      // An invalid address is reported as such even on a missing sheet.
      mark({ sheet: "旧表", cell: "合计" }),
    ]);
    expect(plan.toMark.map((m) => m.cell)).toEqual(["E9", "D7"]);
    expect(plan.toMark[0]).toEqual({ ...mark(), cell: "E9" });
    expect(loads).toEqual(["表1!E9", "表1!D7"]);
    expect(plan.markSkipped).toEqual(
      ["A0", "XFE1", "A1048577", "A1:B2", ""]
        .map((cell) => ({ sheet: "表1", cell, reason: MARK_SAY.badCell }))
        .concat({ sheet: "旧表", cell: "合计", reason: MARK_SAY.badCell }),
    );
  });

  it("accepts the last cell of a sheet", () => {
    const { plan } = runPass(ledgerOf([]), [mark({ cell: "xfd1048576" })]);
    expect(plan.toMark.map((m) => m.cell)).toEqual(["XFD1048576"]);
  });

  it("skips marks on a missing or password-protected sheet with the normalised address", () => {
    const { plan, loads } = runPass(ledgerOf([]), [
      mark({ sheet: "旧表", cell: "$d$7" }),
      mark({ sheet: "锁定", cell: "b2" }),
      mark({ cell: "C3" }),
    ]);
    expect(plan.markSkipped).toEqual([
      { sheet: "旧表", cell: "D7", reason: MARK_SAY.missingMark("旧表") },
      { sheet: "锁定", cell: "B2", reason: MARK_SAY.passwordMark("锁定") },
    ]);
    expect(plan.toMark.map((m) => `${m.sheet}!${m.cell}`)).toEqual(["表1!C3"]);
    expect(loads).toEqual(["表1!C3"]);
    // Skipping a mark never touches what clearing reports.
    expect(plan.clearSkipped).toEqual([]);
  });

  it("caps the new ledger at MAX_MARKED_CELLS, counting the entries it keeps", () => {
    const kept = [entry({ sheet: "锁定", cell: "A1" }), entry({ sheet: "锁定", cell: "A2" })];
    // Entries restored by this pass leave the ledger, so they do not count.
    const restored = [entry({ cell: "Z1" })];
    const planned = Array.from({ length: MAX_MARKED_CELLS }, (_, i) => mark({ cell: `B${i + 1}` }));
    // Marks skipped for another reason take no room either.
    planned.splice(5, 0, mark({ sheet: "旧表", cell: "C1" }), mark({ sheet: "锁定", cell: "C2" }));
    const { plan, loads } = runPass(ledgerOf([...kept, ...restored]), planned);
    expect(plan.toMark).toHaveLength(MAX_MARKED_CELLS - kept.length);
    expect(plan.toMark.length + plan.kept.length).toBe(MAX_MARKED_CELLS);
    expect(plan.toMark.at(-1)?.cell).toBe(`B${MAX_MARKED_CELLS - kept.length}`);
    const tooMany = plan.markSkipped.filter((s) => s.reason === MARK_SAY.tooMany);
    expect(tooMany.map((s) => s.cell)).toEqual([
      `B${MAX_MARKED_CELLS - 1}`,
      `B${MAX_MARKED_CELLS}`,
    ]);
    expect(plan.markSkipped).toHaveLength(4);
    // Cells past the cap are not read.
    expect(loads).toHaveLength(restored.length + MAX_MARKED_CELLS - kept.length);
  });

  it("does not change the ledger or the planned marks it is given", () => {
    const entries = [entry({ sheet: "锁定" }), entry()];
    const planned = [mark({ cell: "$d$7" })];
    const copies = structuredClone({ entries, planned });
    runPass(ledgerOf(entries), planned);
    expect({ entries, planned }).toEqual(copies);
  });
});

describe("restoreInto", () => {
  const marked = (e: LedgerEntry): CellState => ({
    sheet: e.sheet,
    cell: e.cell,
    fill: { kind: "solid", color: e.markColor },
    note: e.markNote === null ? null : composeNote(e.beforeNote, e.markNote),
  });

  const befores: Array<[string, FillRecord]> = [
    ["no fill", { kind: "none" }],
    ["white", { kind: "solid", color: "FFFFFF" }],
    ["a pattern", { kind: "pattern", pattern: "gray125", color: "FFFF00", patternColor: "000000" }],
    [
      "a pattern without its colour",
      {
        kind: "pattern",
        pattern: "darkGrid",
        color: "C0C0C0",
        patternColor: null,
      },
    ],
  ];
  for (const [name, before] of befores) {
    it(`puts back ${name} exactly, and removes the note it added`, () => {
      const e = entry({ before });
      const now = marked(e);
      expect(restoreInto(e, now)).toBe(true);
      expect(now).toEqual({ sheet: "表1", cell: "D7", fill: before, note: null });
    });
  }

  it("keeps the user's own note that was there before marking", () => {
    const e = entry({ beforeNote: "用户自己的批注" });
    const now = marked(e);
    expect(now.note).toBe(`用户自己的批注\n${NOTE_MARKER}\n${e.markNote}`);
    expect(restoreInto(e, now)).toBe(true);
    expect(now.note).toBe("用户自己的批注");
    expect(now.fill).toEqual({ kind: "none" });
  });

  it("keeps the user's edit of the note and drops only our part", () => {
    const e = entry({ beforeNote: "原批注" });
    const now = { ...marked(e), note: `原批注（已改）\n${NOTE_MARKER}\n${e.markNote}` };
    expect(restoreInto(e, now)).toBe(true);
    expect(now.note).toBe("原批注（已改）");
  });

  it("restores only the note when the user recoloured the cell", () => {
    const e = entry({ beforeNote: "原批注" });
    const recoloured: FillRecord = { kind: "solid", color: "00B050" };
    const now = { ...marked(e), fill: recoloured };
    expect(restoreInto(e, now)).toBe(true);
    expect(now.fill).toEqual(recoloured);
    expect(now.note).toBe("原批注");
  });

  it("restores only the fill when the user deleted the note", () => {
    const e = entry({ before: { kind: "solid", color: "FFFFFF" }, beforeNote: "原批注" });
    const now = { ...marked(e), note: null };
    expect(restoreInto(e, now)).toBe(true);
    expect(now.fill).toEqual({ kind: "solid", color: "FFFFFF" });
    expect(now.note).toBeNull();
  });

  it("leaves the note alone when the mark wrote none (a host without notes)", () => {
    const e = entry({ markNote: null, before: { kind: "solid", color: "FFFFFF" } });
    const now: CellState = {
      sheet: "表1",
      cell: "D7",
      fill: { kind: "solid", color: e.markColor },
      note: `别人的批注\n${NOTE_MARKER}\n看起来像我们的`,
    };
    expect(restoreInto(e, now)).toBe(true);
    expect(now.fill).toEqual({ kind: "solid", color: "FFFFFF" });
    expect(now.note).toBe(`别人的批注\n${NOTE_MARKER}\n看起来像我们的`);
  });

  it("returns false and changes nothing when nothing of ours is left", () => {
    const e = entry({ before: { kind: "solid", color: "FFFFFF" } });
    for (const fill of [
      { kind: "none" },
      { kind: "solid", color: MARK_COLOR.warning },
      { kind: "pattern", pattern: "solid", color: e.markColor, patternColor: null },
    ] satisfies FillRecord[]) {
      const now: CellState = { sheet: "表1", cell: "D7", fill, note: "别的单元格的批注" };
      const copy = structuredClone(now);
      expect(restoreInto(e, now)).toBe(false);
      expect(now).toEqual(copy);
    }
    const bare: CellState = { sheet: "表1", cell: "D7", fill: { kind: "none" }, note: null };
    expect(restoreInto(e, bare)).toBe(false);
    expect(bare).toEqual({ sheet: "表1", cell: "D7", fill: { kind: "none" }, note: null });
  });
});

describe("markInMemory", () => {
  it("lists the kept entries first, then one entry per mark recording the cell before it", () => {
    const kept = [entry({ sheet: "锁定", cell: "B2" })];
    const pattern: FillRecord = {
      kind: "pattern",
      pattern: "lightUp",
      color: "FFFFFF",
      patternColor: "FF0000",
    };
    const state = new Map([
      ...stateOf("表1", "D7", pattern, "用户批注"),
      ...stateOf("表2", "E9", { kind: "none" }, null),
    ]);
    const toMark: PlacedMark[] = [
      mark({ cell: "D7" }),
      mark({
        sheet: "表2",
        cell: "E9",
        severity: "info",
        color: MARK_COLOR.info,
        text: "【提示】x",
      }),
    ];
    const entries = markInMemory(kept, toMark, state, true);
    expect(entries).toEqual([
      kept[0],
      {
        sheet: "表1",
        cell: "D7",
        before: pattern,
        beforeNote: "用户批注",
        markColor: MARK_COLOR.error,
        markNote: mark().text,
      },
      {
        sheet: "表2",
        cell: "E9",
        before: { kind: "none" },
        beforeNote: null,
        markColor: MARK_COLOR.info,
        markNote: "【提示】x",
      },
    ]);
    expect(kept).toHaveLength(1);
    expect(state.get(cellKey("表1", "D7"))).toEqual({
      sheet: "表1",
      cell: "D7",
      fill: { kind: "solid", color: MARK_COLOR.error },
      note: `用户批注\n${NOTE_MARKER}\n${mark().text}`,
    });
    expect(state.get(cellKey("表2", "E9"))).toEqual({
      sheet: "表2",
      cell: "E9",
      fill: { kind: "solid", color: MARK_COLOR.info },
      note: `${NOTE_MARKER}\n【提示】x`,
    });
  });

  it("without notes records no note and leaves the cell's note as it is", () => {
    const state = stateOf("表1", "D7", { kind: "solid", color: "FFFFFF" }, "用户批注");
    const entries = markInMemory([], [mark({ cell: "D7" })], state, false);
    expect(entries).toEqual([
      {
        sheet: "表1",
        cell: "D7",
        before: { kind: "solid", color: "FFFFFF" },
        beforeNote: null,
        markColor: MARK_COLOR.error,
        markNote: null,
      },
    ]);
    expect(state.get(cellKey("表1", "D7"))).toMatchObject({
      fill: { kind: "solid", color: MARK_COLOR.error },
      note: "用户批注",
    });
    // Clearing such a mark later puts the fill back and still leaves the note alone.
    const now = state.get(cellKey("表1", "D7"))!;
    expect(restoreInto(entries[0], now)).toBe(true);
    expect(now).toMatchObject({ fill: { kind: "solid", color: "FFFFFF" }, note: "用户批注" });
  });

  it("returns only the kept entries when there is nothing to mark", () => {
    const kept = [entry({ sheet: "锁定" }), entry({ sheet: "锁定", cell: "E1" })];
    expect(markInMemory(kept, [], new Map(), true)).toEqual(kept);
    expect(markInMemory([], [], new Map(), true)).toEqual([]);
  });

  it("gives the cell the most severe fill and every message of its findings", () => {
    const finding = (over: Partial<Finding>): Finding => ({
      rule: "required-field",
      severity: "info",
      sheet: "表1",
      cell: "D7",
      message: "提示",
      ...over,
    });
    const planned = planMarks([
      finding({ message: "提示一" }),
      finding({ severity: "error", message: "错误一", cell: "d7" }),
      finding({ severity: "warning", message: "警告一" }),
      finding({ sheet: "", cell: "", message: "整个文件" }),
    ]);
    const { plan } = runPass(ledgerOf([]), planned);
    const state = stateOf("表1", "D7", { kind: "none" }, null);
    markInMemory(plan.kept, plan.toMark, state, true);
    const cell = state.get(cellKey("表1", "D7"))!;
    expect(state.size).toBe(1);
    expect(cell.fill).toEqual({ kind: "solid", color: MARK_COLOR.error });
    expect(cell.note?.split("\n")).toEqual([
      NOTE_MARKER,
      "【提示】提示一（required-field）",
      "【错误】错误一（required-field）",
      "【警告】警告一（required-field）",
    ]);
  });

  const fillArb: fc.Arbitrary<FillRecord> = fc.oneof(
    fc.constant({ kind: "none" as const }),
    fc.constantFrom("FFFFFF", "000000", ...Object.values(MARK_COLOR)).map((color) => ({
      kind: "solid" as const,
      color,
    })),
    fc.record({
      kind: fc.constant("pattern" as const),
      pattern: fc.constantFrom("gray125", "darkGrid", "solid"),
      color: fc.constantFrom("FFFFFF", MARK_COLOR.error),
      patternColor: fc.option(fc.constantFrom("000000", "FF0000"), { nil: null }),
    }),
  );
  const noteArb = fc.option(fc.oneof(fc.string(), fc.constant(`旧\n${NOTE_MARKER}\n旧的标记`)), {
    nil: null,
  });

  it("is undone by restoreInto, newest mark first, whatever the cell looked like", () => {
    fc.assert(
      fc.property(
        fillArb,
        noteArb,
        fc.array(
          fc.record({
            color: fc.constantFrom(...Object.values(MARK_COLOR)),
            text: fc.string({ minLength: 1 }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        fc.boolean(),
        (fill, note, marks, withNotes) => {
          const original: CellState = { sheet: "表1", cell: "D7", fill, note };
          const state = new Map([[cellKey("表1", "D7"), { ...original }]]);
          // Re-marked without clearing in between: one ledger entry per pass.
          const ledger: LedgerEntry[] = [];
          for (const { color, text } of marks) {
            const m: PlacedMark = { sheet: "表1", cell: "D7", severity: "error", color, text };
            ledger.push(...markInMemory([], [m], state, withNotes));
          }
          const now = state.get(cellKey("表1", "D7"))!;
          for (let i = ledger.length - 1; i >= 0; i--) restoreInto(ledger[i], now);
          expect(now).toEqual(original);
        },
      ),
    );
  });
});

describe("movedNoteTexts", () => {
  it("keeps the entries that wrote a note, with the exact note text each cell got", () => {
    const a = entry({ cell: "D7", beforeNote: "用户批注" });
    const noNote = entry({ cell: "E7", markNote: null });
    const b = entry({ sheet: "表2", cell: "D7" });
    const { wanted, texts } = movedNoteTexts([a, noNote, b]);
    expect(wanted).toEqual([a, b]);
    expect(wanted[0]).toBe(a);
    expect(texts).toEqual(
      new Set([
        cellKey("表1", `用户批注\n${NOTE_MARKER}\n${a.markNote}`),
        cellKey("表2", `${NOTE_MARKER}\n${b.markNote}`),
      ]),
    );
    // Keyed by sheet: the same text on another sheet is not one of ours.
    expect(texts.has(cellKey("表1", `${NOTE_MARKER}\n${b.markNote}`))).toBe(false);
  });

  it("lists a text once when two entries wrote the same note, and nothing for no entries", () => {
    const { wanted, texts } = movedNoteTexts([entry({ cell: "D7" }), entry({ cell: "D8" })]);
    expect(wanted).toHaveLength(2);
    expect([...texts]).toEqual([cellKey("表1", `${NOTE_MARKER}\n${entry().markNote}`)]);
    expect(movedNoteTexts([])).toEqual({ wanted: [], texts: new Set() });
    expect(movedNoteTexts([entry({ markNote: null })])).toEqual({ wanted: [], texts: new Set() });
  });
});

describe("pickMovedMarks", () => {
  type Candidate = NoteCandidate<number> & { label: string };
  const ourText = `${NOTE_MARKER}\n${entry().markNote}`;
  let nextId = 0;
  const candidate = (at: string | undefined, over: Partial<Candidate> = {}): Candidate => {
    const match = at ? /^([A-Z]+)(\d+)$/.exec(at) : null;
    const col = match ? [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 0;
    return {
      id: nextId++,
      label: at ?? "?",
      sheet: "表1",
      text: ourText,
      fill: { kind: "solid", color: MARK_COLOR.error },
      at: match ? { row: Number(match[2]), col } : undefined,
      ...over,
    };
  };
  const picked = (found: Map<LedgerEntry, { candidate: Candidate; cell: string }>) =>
    [...found].map(([e, { candidate: c, cell }]) => [e.cell, c.label, cell]);

  it("finds nothing with no entries or no candidates", () => {
    expect(pickMovedMarks([], [candidate("D5")], new Set()).size).toBe(0);
    expect(pickMovedMarks([entry()], [], new Set()).size).toBe(0);
  });

  it("takes the nearest candidate by rows plus columns", () => {
    const e = entry({ cell: "D7" });
    // Rows alone would pick H7; rows plus columns: D5 is 2 away, H7 is 4.
    expect(picked(pickMovedMarks([e], [candidate("H7"), candidate("D5")], new Set()))).toEqual([
      ["D7", "D5", "D5"],
    ]);
    // Columns alone would pick D3; rows plus columns: F7 is 2 away, D3 is 4.
    expect(picked(pickMovedMarks([e], [candidate("D3"), candidate("F7")], new Set()))).toEqual([
      ["D7", "F7", "F7"],
    ]);
    // The larger of the two would pick F9 (2); their sum picks D10 (3 against 4).
    expect(picked(pickMovedMarks([e], [candidate("F9"), candidate("D10")], new Set()))).toEqual([
      ["D7", "D10", "D10"],
    ]);
    // Order of the candidates does not matter.
    expect(picked(pickMovedMarks([e], [candidate("D10"), candidate("F9")], new Set()))).toEqual([
      ["D7", "D10", "D10"],
    ]);
  });

  it("returns the candidate itself and the A1 address where it now is", () => {
    const far = candidate("AA30", { label: "far" });
    const found = pickMovedMarks([entry({ cell: "Z30" })], [far], new Set());
    expect(found.get([...found.keys()][0])).toEqual({ candidate: far, cell: "AA30" });
    expect([...found.values()][0].candidate).toBe(far);
  });

  it("passes over candidates that are not this mark", () => {
    const e = entry({ cell: "D7", markColor: MARK_COLOR.warning });
    const warningFill: FillRecord = { kind: "solid", color: MARK_COLOR.warning };
    const others = [
      candidate("D8", { sheet: "表2", fill: warningFill }),
      candidate("D8", { text: `${ourText}（用户改过）`, fill: warningFill }),
      candidate("D8", { text: `用户批注\n${ourText}`, fill: warningFill }),
      // Still shows a mark colour, but not this entry's.
      candidate("D8", { fill: { kind: "solid", color: MARK_COLOR.error } }),
      // The user recoloured it.
      candidate("D8", { fill: { kind: "none" } }),
      candidate("D8", {
        fill: {
          kind: "pattern",
          pattern: "gray125",
          color: MARK_COLOR.warning,
          patternColor: null,
        },
      }),
      // The host could not say where this note is.
      candidate(undefined, { fill: warningFill }),
    ];
    expect(pickMovedMarks([e], others, new Set()).size).toBe(0);
    const right = candidate("D20", { label: "right", fill: warningFill });
    expect(picked(pickMovedMarks([e], [...others, right], new Set()))).toEqual([
      ["D7", "right", "D20"],
    ]);
  });

  it("passes over a cell already restored in place on the entry's sheet", () => {
    const e = entry({ cell: "D7" });
    const near = candidate("D6");
    const far = candidate("D12");
    expect(picked(pickMovedMarks([e], [near, far], new Set([cellKey("表1", "D6")])))).toEqual([
      ["D7", "D12", "D12"],
    ]);
    // The same address restored on another sheet does not count.
    expect(picked(pickMovedMarks([e], [near, far], new Set([cellKey("表2", "D6")])))).toEqual([
      ["D7", "D6", "D6"],
    ]);
    expect(pickMovedMarks([e], [near], new Set([cellKey("表1", "D6")])).size).toBe(0);
  });

  it("gives each candidate to one entry only, in the order the entries are wanted", () => {
    const upper = entry({ cell: "D7" });
    const lower = entry({ cell: "D9" });
    const only = candidate("D8");
    const found = pickMovedMarks([lower, upper], [only], new Set());
    expect(found.size).toBe(1);
    expect(found.get(lower)?.candidate).toBe(only);
    expect(found.has(upper)).toBe(false);

    // Two marks moved up two rows together: each finds its own cell.
    const both = pickMovedMarks([lower, upper], [candidate("D5"), candidate("D7")], new Set());
    expect(both.get(lower)?.cell).toBe("D7");
    expect(both.get(upper)?.cell).toBe("D5");
  });

  it("matches each entry's own note text, the user's note included", () => {
    const mine = entry({ cell: "D7", beforeNote: "甲" });
    const theirs = entry({ cell: "D8", beforeNote: "乙" });
    const forTheirs = candidate("D6", { text: composeNote("乙", entry().markNote!) });
    const forMine = candidate("D30", { text: composeNote("甲", entry().markNote!) });
    const found = pickMovedMarks([mine, theirs], [forTheirs, forMine], new Set());
    expect(found.get(mine)?.cell).toBe("D30");
    expect(found.get(theirs)?.cell).toBe("D6");
  });
});

describe("cellKey", () => {
  it("tells sheets and cells apart and splits back into both", () => {
    expect(cellKey("表1", "D7")).not.toBe(cellKey("表1", "D8"));
    expect(cellKey("表1", "D7")).not.toBe(cellKey("表2", "D7"));
    // Names may hold any printable character; the separator is not one of them.
    expect(cellKey("a b", "C1")).not.toBe(cellKey("a", "bC1"));
    expect(cellKey("Q1 2024!", "A1").split("\u0000")).toEqual(["Q1 2024!", "A1"]);
  });
});

describe("MARK_SAY", () => {
  it("names the sheet and tells mark and clear apart", () => {
    for (const say of [
      MARK_SAY.passwordMark,
      MARK_SAY.passwordClear,
      MARK_SAY.missingMark,
      MARK_SAY.missingClear,
    ]) {
      expect(say("项目表")).toContain("“项目表”");
    }
    expect(MARK_SAY.passwordMark("x")).not.toBe(MARK_SAY.passwordClear("x"));
    expect(MARK_SAY.missingMark("x")).not.toBe(MARK_SAY.missingClear("x"));
    expect(MARK_SAY.tooMany).toContain(String(MAX_MARKED_CELLS));
    expect(MARK_SAY.unreadable(7)).toContain("7");
  });
});
