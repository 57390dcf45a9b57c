// The fuzz cases run here, in a worker thread with a capped heap, over the tsc build (dist/node):
// a case that crashes, loops or explodes ends this worker, not the test run. The parent reads
// which case is running from shared memory, so a hang or an out-of-memory names its case.
import { createRequire } from "node:module";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";

const require = createRequire(import.meta.url);
const dist = path.join(workerData.root, "dist", "node");
const { readXlsxBuffer, WorkbookReadError } = require(
  path.join(dist, "hosts", "xlsx", "read-buffer.js"),
);
const { checkWorkbook, toJsonDocument } = require(path.join(dist, "core", "file-report.js"));
const { getProfile } = require(path.join(dist, "core", "profiles", "index.js"));
const values = require(path.join(dist, "core", "values", "index.js"));
const { MemorySheet } = require(path.join(dist, "core", "grid", "index.js"));
const { computeMissingResults, namespaced } = require(
  path.join(dist, "core", "grid", "evaluate.js"),
);
const { parseFormula, FormulaSyntaxError } = require(
  path.join(dist, "core", "grid", "formula-parse.js"),
);
const { PERF } = require(path.join(dist, "functions", "perf.js"));

const current = new Int32Array(workerData.current);
const profile = getProfile("national");
const FUNCTIONS = namespaced("PERF", PERF);
const HAN = /[\u4e00-\u9fff]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

/** What a failure says: the error's first lines, enough to find it. */
function describe(error) {
  if (error instanceof Error) {
    return `${error.name}: ${error.message}\n${(error.stack ?? "").split("\n").slice(1, 6).join("\n")}`;
  }
  return String(error);
}

/** A reader's refusal must be one readable Chinese line. */
function lineProblem(message) {
  if (typeof message !== "string" || message.trim() === "") return "empty message";
  if (CONTROL.test(message)) return `control character or line break in ${JSON.stringify(message)}`;
  if (!HAN.test(message)) return `not Chinese: ${JSON.stringify(message)}`;
  return undefined;
}

async function runXlsx({ bytes, name }) {
  let grid;
  try {
    grid = await readXlsxBuffer(bytes, name);
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) return { ok: false, detail: describe(error) };
    const problem = lineProblem(error.message);
    if (problem) return { ok: false, detail: `refusal is not one line: ${problem}` };
    // The reason without the file name, for the run's summary.
    return {
      ok: true,
      outcome: `refused: ${error.message.replace(/^“[^”]*”：/, "").slice(0, 24)}`,
    };
  }
  const report = checkWorkbook(name, grid, profile);
  // checkWorkbook turns a rule's exception into a one-line report; for the fuzz that is a bug.
  if (report.unreadable)
    return { ok: false, detail: `a rule threw: ${report.findings[0]?.message}` };
  for (const finding of [...report.findings, ...report.forms.flatMap((f) => f.findings)]) {
    if (typeof finding.message !== "string" || finding.message === "") {
      return { ok: false, detail: `finding without a message: ${JSON.stringify(finding)}` };
    }
  }
  toJsonDocument([report]);
  return { ok: true, outcome: report.forms.length > 0 ? "report with forms" : "report, no form" };
}

function runValue({ text }) {
  const parsed = values.parseValue(text);
  if (!parsed || typeof parsed.kind !== "string") {
    return { ok: false, detail: `parseValue gave ${JSON.stringify(parsed)}` };
  }
  values.compactText(text);
  const number = values.parseNumber(text);
  if (number.ok) values.decimalsOf(number.value);
  return { ok: true, outcome: parsed.kind };
}

function isScalar(value) {
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value === "string" || typeof value === "boolean" || value === null) return true;
  return typeof value === "object" && typeof value.error === "string";
}

function runFormula({ sheets: specs }) {
  for (const spec of specs) {
    for (const [, , , formula] of spec.cells) {
      if (formula === undefined) continue;
      try {
        parseFormula(formula);
      } catch (error) {
        if (!(error instanceof FormulaSyntaxError)) {
          return {
            ok: false,
            detail: `parseFormula(${JSON.stringify(formula)}): ${describe(error)}`,
          };
        }
      }
    }
  }
  const sheets = specs.map((spec) => {
    const sheet = new MemorySheet(spec.name, false);
    for (const [row, col, value, formula] of spec.cells) {
      const cell = { value, text: value === null ? "" : String(value) };
      if (formula !== undefined) cell.formula = formula;
      sheet.set(row, col, cell);
    }
    return sheet;
  });
  computeMissingResults(sheets, { functions: FUNCTIONS });
  let computed = 0;
  for (const sheet of sheets) {
    for (const row of sheet.usedRows()) {
      for (const col of sheet.usedCols(row)) {
        const cell = sheet.cell(row, col);
        if (!cell?.computed) continue;
        computed++;
        if (!isScalar(cell.value)) {
          return { ok: false, detail: `computed ${cell.formula} = ${String(cell.value)}` };
        }
      }
    }
  }
  return { ok: true, outcome: computed > 0 ? "computed" : "nothing computed" };
}

/** The harness's own test (harness.test.ts): a case that ends, throws, hangs or eats the heap. */
function runProbe({ action }) {
  if (action === "throw") throw new TypeError("probe");
  if (action === "hang") for (;;);
  if (action === "oom") {
    const hoard = [];
    for (;;) hoard.push(new Array(1e5).fill({ action }));
  }
  return { ok: true, outcome: "probe" };
}

const RUNNERS = { xlsx: runXlsx, value: runValue, formula: runFormula, probe: runProbe };

// Each result is posted as soon as it is known: a later case that hangs or kills the worker must
// not take the earlier results with it.
parentPort.on("message", async ({ kind, cases }) => {
  for (const item of cases) {
    Atomics.store(current, 0, item.index);
    let result;
    try {
      result = await RUNNERS[kind](item);
    } catch (error) {
      result = { ok: false, detail: describe(error) };
    }
    parentPort.postMessage({ index: item.index, ...result });
  }
  Atomics.store(current, 0, -1);
  parentPort.postMessage({ done: true });
});

parentPort.postMessage({ ready: true });
