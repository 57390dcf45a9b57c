import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/findings";
import {
  LEDGER_FIRST_ROW,
  LEDGER_TAG,
  MARK_COLOR,
  NOTE_MARKER,
  composeNote,
  decodeLedger,
  encodeLedger,
  normalizeColor,
  nothingToRestore,
  planMarks,
  planRestore,
  type FillRecord,
  type LedgerEntry,
} from "../../../src/hosts/marks/ledger";

const finding = (over: Partial<Finding>): Finding => ({
  rule: "required-field",
  severity: "error",
  sheet: "表1",
  cell: "D7",
  message: "请填写全年预算数",
  ...over,
});

const colorArb = fc
  .array(fc.constantFrom(..."0123456789ABCDEF"), { minLength: 6, maxLength: 6 })
  .map((chars) => chars.join(""));
const fillArb: fc.Arbitrary<FillRecord> = fc.oneof(
  fc.constant({ kind: "none" as const }),
  colorArb.map((color) => ({ kind: "solid" as const, color })),
  fc.record({
    kind: fc.constant("pattern" as const),
    pattern: fc.constantFrom("gray125", "darkGrid", "lightUp", "mediumGray"),
    color: colorArb,
    patternColor: fc.option(colorArb, { nil: null }),
  }),
);
const entryArb: fc.Arbitrary<LedgerEntry> = fc.record({
  sheet: fc.string({ minLength: 1, maxLength: 31 }),
  cell: fc
    .tuple(fc.constantFrom("A", "D", "AB", "XFD"), fc.integer({ min: 1, max: 1_048_576 }))
    .map(([col, row]) => `${col}${row}`),
  before: fillArb,
  beforeNote: fc.option(fc.string(), { nil: null }),
  markColor: fc.constantFrom(...Object.values(MARK_COLOR)),
  markNote: fc.option(fc.string({ minLength: 1 }), { nil: null }),
});

describe("mark ledger", () => {
  it("round-trips every entry through the sheet's column A", () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 20 }), (entries) => {
        const column = encodeLedger(entries);
        expect(column[0]).toBe(LEDGER_TAG);
        expect(column).toHaveLength(LEDGER_FIRST_ROW - 1 + entries.length);
        expect(decodeLedger(column)).toEqual({ entries, unreadable: 0 });
      }),
    );
  });

  it("ignores a sheet that is not ours and counts rows edited by hand", () => {
    expect(decodeLedger(["别的内容", "", "{}"]).entries).toEqual([]);
    const good: LedgerEntry = {
      sheet: "表1",
      cell: "D7",
      before: { kind: "none" },
      beforeNote: null,
      markColor: MARK_COLOR.error,
      markNote: "x",
    };
    const column = [...encodeLedger([good]), "not json", '{"sheet":"表1"}', JSON.stringify(good)];
    expect(decodeLedger(column)).toEqual({ entries: [good, good], unreadable: 2 });
    // An empty cell ends the list: rows after it are not read.
    expect(decodeLedger([...encodeLedger([good]), "", JSON.stringify(good)]).entries).toHaveLength(
      1,
    );
  });

  it("plans one mark per cell with the most severe fill and every message", () => {
    const marks = planMarks([
      finding({ severity: "info", rule: "level1-weights", message: "提示一" }),
      finding({ severity: "error", message: "错误一", cell: "d7" }),
      finding({ severity: "warning", cell: "E7", message: "警告一" }),
      finding({ sheet: "", cell: "", message: "整个文件" }),
    ]);
    expect(marks).toHaveLength(2);
    expect(marks[0]).toMatchObject({ sheet: "表1", cell: "D7", severity: "error" });
    expect(marks[0].color).toBe(MARK_COLOR.error);
    expect(marks[0].text.split("\n")).toEqual([
      "【提示】提示一（level1-weights）",
      "【错误】错误一（required-field）",
    ]);
    expect(marks[1]).toMatchObject({ cell: "E7", severity: "warning", color: MARK_COLOR.warning });
  });

  it("restores a cell still showing our mark, and leaves a cell that is no longer ours", () => {
    const entry: LedgerEntry = {
      sheet: "表1",
      cell: "D7",
      before: { kind: "solid", color: "FFFFFF" },
      beforeNote: "用户自己的批注",
      markColor: MARK_COLOR.error,
      markNote: "【错误】…",
    };
    const marked = {
      fill: { kind: "solid" as const, color: MARK_COLOR.error },
      note: composeNote(entry.beforeNote, "【错误】…"),
    };
    expect(marked.note).toBe(`用户自己的批注\n${NOTE_MARKER}\n【错误】…`);
    expect(planRestore(entry, marked)).toEqual({ fill: true, note: { set: "用户自己的批注" } });

    // A row was deleted: another cell moved up into D7, with its own look and no note of ours.
    const moved = planRestore(entry, { fill: { kind: "none" }, note: "别人的批注" });
    expect(nothingToRestore(moved)).toBe(true);

    // The user added a line to the note after marking: their text stays, ours goes.
    const edited = planRestore(entry, {
      fill: marked.fill,
      note: `用户自己的批注（已修改）\n${NOTE_MARKER}\n【错误】…`,
    });
    expect(edited.note).toEqual({ set: "用户自己的批注（已修改）" });

    // No note before: clearing deletes the note.
    const fresh = { ...entry, beforeNote: null };
    expect(
      planRestore(fresh, { fill: marked.fill, note: composeNote(null, "【错误】…") }).note,
    ).toEqual({ set: null });
  });

  it("normalises the colour spellings the hosts use", () => {
    expect(normalizeColor("#ffc7ce")).toBe("FFC7CE");
    expect(normalizeColor("FFFFC7CE")).toBe("FFC7CE");
    expect(normalizeColor("red")).toBeUndefined();
    expect(normalizeColor(null)).toBeUndefined();
  });
});
