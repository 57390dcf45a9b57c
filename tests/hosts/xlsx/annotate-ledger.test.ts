/**
 * A copy `perf-eval annotate` marked carries the same mark ledger the Excel adapter writes, so the
 * user it is sent back to clears it in Excel with one click (issue 7): annotate → open in the
 * simulated Excel → 清除标记 gives every cell its fill and note back as the original had them.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Finding, Severity } from "../../../src/core/findings";
import {
  decodeLedger,
  LEDGER_SHEET,
  MARK_COLOR,
  NOTE_MARKER,
} from "../../../src/hosts/marks/ledger";
import { annotateXlsxBytes } from "../../../src/hosts/xlsx/annotate-package";
import { applyTint } from "../../../src/hosts/xlsx/fill-record";
import { bytesOf, simHost, type SimHost } from "../excel/sim-host";

type Fill =
  | { kind: "none" }
  | { kind: "solid"; color: string }
  | { kind: "pattern"; pattern: "darkGrid" | "lightUp" | "gray125"; color: string; fg: string };

interface Case {
  fill: Fill;
  note: string | null;
  severity: Severity | null;
}

const hex = fc
  .array(fc.constantFrom(..."0123456789ABCDEF"), { minLength: 6, maxLength: 6 })
  .map((chars) => chars.join(""));
const caseArb: fc.Arbitrary<Case> = fc.record({
  fill: fc.oneof(
    fc.constant<Fill>({ kind: "none" }),
    fc.constant<Fill>({ kind: "solid", color: "FFFFFF" }),
    hex.map<Fill>((color) => ({ kind: "solid", color })),
    fc
      .record({ pattern: fc.constantFrom("darkGrid", "lightUp", "gray125"), color: hex, fg: hex })
      .map<Fill>((p) => ({ kind: "pattern", ...p })),
  ),
  note: fc.oneof(fc.constant(null), fc.constantFrom("原有批注", "两行\n批注", "a & <b>")),
  severity: fc.option(fc.constantFrom<Severity>("error", "warning", "info"), { nil: null }),
});

const SHEET = "自评表";
const at = (i: number) => `${"BCD"[i % 3]}${2 + Math.floor(i / 3)}`;

function workbookOf(cases: readonly Case[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET);
  sheet.getCell("A1").value = "项目名称";
  cases.forEach((c, i) => {
    const cell = sheet.getCell(at(i));
    cell.value = i;
    if (c.fill.kind === "solid") {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${c.fill.color}` } };
    } else if (c.fill.kind === "pattern") {
      cell.fill = {
        type: "pattern",
        pattern: c.fill.pattern,
        fgColor: { argb: `FF${c.fill.fg}` },
        bgColor: { argb: `FF${c.fill.color}` },
      };
    }
    if (c.note !== null) cell.note = c.note;
  });
  return workbook;
}

function findingsOf(cases: readonly Case[]): Finding[] {
  return cases.flatMap((c, i) =>
    c.severity === null
      ? []
      : [
          {
            rule: "required-field",
            severity: c.severity,
            sheet: SHEET,
            cell: at(i),
            message: `第${i}格`,
          },
        ],
  );
}

/** What Office.js shows of each case's cell: fill and note. */
function looks({ sim }: SimHost, count: number) {
  const sheet = sim.model.sheetByKey(SHEET)!;
  return Array.from({ length: count }, (_, i) => {
    const cell = sheet.ws.getCell(at(i));
    const fill = sim.model.fillOf(sheet, Number(cell.row), Number(cell.col));
    return {
      color: fill.color,
      pattern: fill.pattern,
      patternColor: fill.pattern === "Solid" || fill.pattern === "None" ? null : fill.patternColor,
      note: sim.model.noteOf(sheet, Number(cell.row), Number(cell.col)),
    };
  });
}

describe("annotate writes the mark ledger", () => {
  it("is cleared in Excel back to exactly what the original had", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(caseArb, { minLength: 1, maxLength: 9 }), async (cases) => {
        const input = await bytesOf(workbookOf(cases));
        const findings = findingsOf(cases);
        const original = looks(await simHost(input), cases.length);

        const { bytes, marked } = annotateXlsxBytes(input, findings);
        expect(marked).toBe(findings.length);
        const annotated = await simHost(bytes);
        const shown = looks(annotated, cases.length);
        cases.forEach((c, i) => {
          if (c.severity === null) return expect(shown[i]).toEqual(original[i]);
          expect(shown[i].color).toBe(`#${MARK_COLOR[c.severity]}`);
          expect(shown[i].note).toEqual(
            c.note === null
              ? `${NOTE_MARKER}\n【${{ error: "错误", warning: "警告", info: "提示" }[c.severity]}】第${i}格（required-field）`
              : expect.stringContaining(`${c.note}\n${NOTE_MARKER}\n`),
          );
        });

        const cleared = await annotated.host.clearMarks();
        expect(cleared.skipped).toEqual([]);
        expect(cleared.restored).toBe(findings.length);
        expect(looks(annotated, cases.length)).toEqual(original);
      }),
      { numRuns: 25 },
    );
  });

  it("keeps the first record of a cell annotated twice, so clearing restores the original", async () => {
    const cases: Case[] = [
      { fill: { kind: "solid", color: "00B050" }, note: "原有批注", severity: "error" },
      { fill: { kind: "none" }, note: null, severity: "warning" },
    ];
    const input = await bytesOf(workbookOf(cases));
    const original = looks(await simHost(input), 2);
    const once = annotateXlsxBytes(input, findingsOf(cases)).bytes;
    // The reviewer annotates the returned copy again, with only the first cell still wrong.
    const twice = annotateXlsxBytes(once, findingsOf(cases).slice(0, 1)).bytes;
    const host = await simHost(twice);
    const ledgerSheet = host.sim.model.sheetByKey(LEDGER_SHEET)!;
    const column = Array.from({ length: 6 }, (_, r) => ledgerSheet.ws.getCell(r + 1, 1).value);
    expect(decodeLedger(column.map((v) => (v === null ? "" : String(v)))).entries).toHaveLength(2);
    await host.host.clearMarks();
    expect(looks(host, 2)).toEqual(original);
  });

  it("resolves theme tints as Excel's palette shows them", () => {
    // Shades whose values Excel's colour picker shows ("白色，背景 1，深色 15%", "黑色，文字 1，淡色 50%").
    expect(applyTint("4472C4", 0)).toBe("4472C4");
    expect(applyTint("FFFFFF", -0.1499984740745262)).toBe("D9D9D9");
    expect(applyTint("000000", 0.499984740745262)).toBe("7F7F7F");
    // Lighter is lighter, darker is darker, channel by channel.
    const channels = (rgb: string) => [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16));
    const base = channels("4472C4");
    channels(applyTint("4472C4", 0.6)).forEach((c, i) => expect(c).toBeGreaterThan(base[i]));
    channels(applyTint("4472C4", -0.25)).forEach((c, i) => expect(c).toBeLessThan(base[i]));
  });
});
