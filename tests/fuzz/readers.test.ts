/**
 * Fuzz (issue 11, item 13): mutated workbooks through the reader and the checker, random text
 * through the value grammar, random formulas through the evaluator. Each case must end in a
 * report or one readable Chinese line for the file, never in an exception, a hang or an exhausted
 * heap: cases run in worker threads with a capped heap and a watchdog (harness.ts).
 *
 * Fixed seed, fixed case counts and a time budget per part; the summary printed says how many
 * cases ran. To replay a failure: FUZZ_SEED=<seed> FUZZ_CASE=<case> npx vitest run tests/fuzz
 * (a replayed xlsx case is also written to the temp folder). FUZZ_CASES and FUZZ_BUDGET_MS run
 * more, for a longer hunt.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { layoutForm } from "../../scripts/fixture-layouts.mjs";
import { seedForm } from "../support/seed-fixtures";
import { unzipParts, type ZipPart } from "../hosts/xlsx/zip-writer";
import { COLUMNS, formulaText } from "./formula-text";
import { buildNode, describeRun, runCases, type FuzzCase, type RunOptions } from "./harness";
import { envInt, fuzzSeed, onlyCase, Prng } from "./prng";
import { mutateWorkbook } from "./xlsx-mutations";

const SEED = fuzzSeed(20261130);
const REPLAY = onlyCase();
const FIXTURES = path.resolve(__dirname, "..", "fixtures");

function indices(defaultCount: number): number[] {
  if (REPLAY !== undefined) return [REPLAY];
  return Array.from({ length: envInt("FUZZ_CASES", defaultCount) }, (_, i) => i);
}

const budget = (ms: number) => envInt("FUZZ_BUDGET_MS", ms);
/** The test's own timeout: the budget, plus the cases still running and a hang's watchdog. */
const timeoutFor = (ms: number) => budget(ms) + 90_000;

/** Small workbooks, so a few thousand reads fit the budget: each reaches forms, rules, formulas. */
async function baseWorkbooks(): Promise<Array<{ name: string; parts: ZipPart[] }>> {
  const shanghai = new ExcelJS.Workbook();
  const hidden = shanghai.addWorksheet("说明");
  hidden.state = "hidden";
  hidden.getCell("A1").value = "金额单位：万元";
  const ws = shanghai.addWorksheet("项目支出绩效自评");
  const placed = layoutForm(ws, seedForm("003-4"), { layout: "shanghai" });
  // Formulas stored without results (as exceljs and scripts write them): the evaluator runs.
  ws.getCell("K1").value = { formula: `SUM(A1:H${placed.lastRow})` } as ExcelJS.CellFormulaValue;
  ws.getCell("K2").value = { formula: "PERF.VALUE(B3)" } as ExcelJS.CellFormulaValue;
  ws.getCell("K3").value = { formula: 'IF(K1>0,ROUND(K1/2,2),"无")' } as ExcelJS.CellFormulaValue;
  ws.getCell("K4").value = { formula: "K3*2+说明!A1" } as ExcelJS.CellFormulaValue;

  const beijing = new ExcelJS.Workbook();
  layoutForm(beijing.addWorksheet("表 1 自评"), seedForm("000-3"), {
    layout: "beijing",
    labels: "messy",
  });

  const bytes = async (workbook: ExcelJS.Workbook) =>
    new Uint8Array(await workbook.xlsx.writeBuffer());
  return [
    { name: "shanghai-one-form", parts: await unzipParts(await bytes(shanghai)) },
    { name: "beijing-messy", parts: await unzipParts(await bytes(beijing)) },
    {
      name: "offset.xlsx",
      parts: await unzipParts(fs.readFileSync(path.join(FIXTURES, "offset.xlsx"))),
    },
  ];
}

function report(
  title: string,
  summary: Awaited<ReturnType<typeof runCases>>,
  show: (i: number) => string,
) {
  const text = describeRun(title, SEED, summary, show);
  console.log(text);
  return text;
}

beforeAll(() => {
  buildNode();
});

describe("fuzz: mutated workbooks through readXlsxBuffer + checkWorkbook", () => {
  it(
    "every case ends in a report or one Chinese line; none throws, hangs or runs out of heap",
    async () => {
      const bases = await baseWorkbooks();
      const steps = new Map<number, string>();
      const options: RunOptions = {
        kind: "xlsx",
        indices: indices(3000),
        budgetMs: budget(18_000),
        hangMs: 20_000,
        heapMb: 512,
        workers: 2,
        batch: 10,
        make: (index) => {
          const rng = Prng.forCase(SEED, index);
          const base = rng.pick(bases);
          const mutated = mutateWorkbook(rng, base.parts);
          steps.set(index, `${base.name}: ${mutated.steps.join("; ")}`);
          if (REPLAY !== undefined) {
            const file = path.join(os.tmpdir(), `fuzz-${SEED}-${index}.xlsx`);
            fs.writeFileSync(file, mutated.bytes);
            console.log(`case ${index} written to ${file}`);
          }
          return { index, name: `case-${index}.xlsx`, bytes: mutated.bytes };
        },
      };
      const summary = await runCases(options);
      const text = report("xlsx readers", summary, (i) => steps.get(i) ?? "");
      expect(summary.ran).toBeGreaterThan(0);
      expect(summary.failures, text).toEqual([]);
      if (summary.ran >= 200) {
        // The mutations reach both ends: files read into forms, and files refused in one line.
        const outcomes = [...summary.outcomes.keys()];
        expect(outcomes).toContain("report with forms");
        expect(outcomes.some((o) => o.startsWith("refused"))).toBe(true);
      }
    },
    timeoutFor(18_000),
  );
});

/** Text as people type it in number cells: digits, units, comparators, separators, noise. */
const structuredValue = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ..."0123456789".split(""),
        ".",
        ",",
        "，",
        " ",
        "\u3000",
        "\n",
        "万",
        "元",
        "万元",
        "亿",
        "%",
        "％",
        "‰",
        "≥",
        "≤",
        ">",
        "<",
        "≧",
        "≦",
        "＝",
        "=",
        "-",
        "—",
        "~",
        "～",
        "至",
        "以上",
        "不低于",
        "(",
        ")",
        "（",
        "）",
        "e",
        "E",
        "+",
        "年",
        "月",
        "日",
        "底前",
        "不涉及",
        "达标",
        "分",
        "个",
        "人次",
      ),
      fc.integer({ min: 0, max: 1e9 }).map(String),
      fc.double({ noNaN: false }).map(String),
    ),
    { maxLength: 24 },
  )
  .map((pieces) => pieces.join(""));

/** Text shaped like the grammar (comparator, number, unit, qualifier), so deeper paths are taken. */
const shapedValue = fc
  .tuple(
    fc.constantFrom(
      "",
      "≥",
      "≤",
      ">",
      "<",
      "=",
      "≧",
      "＞",
      "不低于",
      "不少于",
      "大于等于",
      "约",
      "-",
    ),
    fc.oneof(
      fc.double({ min: -1e12, max: 1e12, noNaN: true }).map(String),
      fc.integer({ min: 0, max: 99_999_999 }).map((n) => n.toLocaleString("en-US")),
      fc.constantFrom("12.142 988", "29.616\n9", "1,663.27", "0.5", "１２３", "1e400", "5.", ".5"),
    ),
    fc.constantFrom("", "%", "％", "万元", "元", "万", "个", "人次", "天", "(%)", "（个）", "分"),
    fc.constantFrom("", "", "以上", "以内", "左右", "（含）", "至 20", "~30%", "年底前"),
  )
  .map((parts) => parts.join(""));

const anyText = fc.oneof(
  shapedValue,
  structuredValue,
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ maxLength: 5000 }),
);

describe("fuzz: the value grammar on random text", () => {
  it(
    "parseValue, parseNumber and compactText never throw or hang",
    async () => {
      const all = indices(6000);
      // fast-check draws the texts from the run's seed; case i is the i-th draw.
      const texts = fc.sample(anyText, { seed: SEED, numRuns: Math.max(...all) + 1 });
      const summary = await runCases({
        kind: "value",
        indices: all,
        budgetMs: budget(10_000),
        hangMs: 5_000,
        heapMb: 256,
        workers: 1,
        batch: 200,
        make: (index): FuzzCase => ({ index, text: texts[index] }),
      });
      const text = report("value grammar", summary, (i) => `text ${JSON.stringify(texts[i])}`);
      expect(summary.ran).toBeGreaterThan(0);
      expect(summary.failures, text).toEqual([]);
    },
    timeoutFor(10_000),
  );
});

/** A small workbook of constants and formula cells without results, referring to each other. */
function formulaWorkbook(rng: Prng) {
  const names = ["Sheet1", "Sheet 2", "表 1 自评"];
  const sheets = names.slice(0, rng.between(1, 3)).map((name) => {
    const cells: Array<[number, number, unknown, string?]> = [];
    for (let row = 1; row <= 6; row++) {
      for (let col = 1; col <= COLUMNS.length; col++) {
        const roll = rng.int(10);
        if (roll < 4) {
          cells.push([row, col, null, formulaText(rng)]);
        } else if (roll < 7) {
          cells.push([
            row,
            col,
            rng.pick([
              0,
              1,
              -1,
              0.5,
              1e308,
              12.5,
              "30万",
              "≥90%",
              "",
              "不涉及",
              true,
              { error: "#N/A" },
            ]),
          ]);
        }
      }
    }
    // Sometimes a straight chain (each cell refers to the next), in either direction.
    if (rng.chance(0.2)) {
      const down = rng.chance(0.5);
      for (let row = 7; row <= 40; row++) {
        cells.push([row, 1, null, `A${down ? row + 1 : row - 1}+1`]);
      }
    }
    return { name, cells };
  });
  return sheets;
}

describe("fuzz: the formula evaluator on random formulas", () => {
  it(
    "computeMissingResults never throws, never hangs, and computes only spreadsheet values",
    async () => {
      const shown = new Map<number, string>();
      const summary = await runCases({
        kind: "formula",
        indices: indices(2000),
        budgetMs: budget(5_000),
        hangMs: 5_000,
        heapMb: 256,
        workers: 1,
        batch: 50,
        make: (index): FuzzCase => {
          const rng = Prng.forCase(SEED ^ 0xf0f0, index);
          const sheets = formulaWorkbook(rng);
          const formulas = sheets.flatMap((s) =>
            s.cells.filter((c) => c[3] !== undefined).map((c) => c[3]),
          );
          shown.set(index, `formulas ${JSON.stringify(formulas).slice(0, 600)}`);
          return { index, sheets };
        },
      });
      const text = report("formula evaluator", summary, (i) => shown.get(i) ?? "");
      expect(summary.ran).toBeGreaterThan(0);
      expect(summary.failures, text).toEqual([]);
    },
    timeoutFor(5_000),
  );
});
