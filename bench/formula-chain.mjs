// Formula chains without cached results (issue 11, item 10): a chain where each cell refers to the
// next one (A1=A2+1, …) once took minutes for 100,000 cells while the other direction took seconds.
// Prints cells per second for both directions side by side, their ratio, and the evaluator's work
// counters; a ratio near 1 and counters growing with the cell count mean linear work either way.
// Run alone with `node bench/run.mjs formula-chain`, after `npm run build:node`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { ROOT } from "./lib.mjs";

export const title =
  "公式链求值：无缓存结果的公式链，正向（引用下一格）与反向（引用上一格）的吞吐量";

const require = createRequire(import.meta.url);
const SIZES = [10_000, 100_000, 300_000];
const REPEATS = 3;

/** The evaluator as compiled by `npm run build:node` (tsc → CommonJS under dist/node). */
function loadEvaluator() {
  const need = (rel) => {
    const file = path.join(ROOT, "dist", "node", rel);
    if (!fs.existsSync(file)) {
      throw new Error(`缺少 ${path.relative(ROOT, file)}，请先运行 npm run build:node`);
    }
    return require(file);
  };
  const { MemorySheet } = need("core/grid/index.js");
  const { computeMissingResults } = need("core/grid/evaluate.js");
  return { MemorySheet, computeMissingResults };
}

/** Column A of `n` formulas; forward: Ar = A(r+1)+1, backward: Ar = A(r−1)+1. */
function chainSheet(MemorySheet, n, direction) {
  const sheet = new MemorySheet("Sheet1");
  for (let row = 1; row <= n; row++) {
    const formula =
      direction === "forward"
        ? row === n
          ? "1"
          : `A${row + 1}+1`
        : row === 1
          ? "1"
          : `A${row - 1}+1`;
    sheet.set(row, 1, { value: null, text: "", formula });
  }
  return sheet;
}

/** CPU time of this process (ms): steadier than wall time on a shared machine. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Best of REPEATS: cells per second (CPU time) and the work counters of one run. */
function measure(evaluator, n, direction) {
  let best = Infinity;
  let stats;
  for (let i = 0; i < REPEATS; i++) {
    const sheet = chainSheet(evaluator.MemorySheet, n, direction);
    stats = { attempts: 0, nodes: 0, reads: 0 };
    const c0 = cpuMs();
    const computed = evaluator.computeMissingResults([sheet], { stats });
    const elapsed = cpuMs() - c0;
    if (computed !== n) throw new Error(`${direction} ${n}: 只算出 ${computed} 格`);
    best = Math.min(best, elapsed);
  }
  return { cellsPerSecond: n / (best / 1000), ms: best, stats };
}

const f0 = (x) => Math.round(x).toLocaleString("en-US");

export async function run() {
  const evaluator = loadEvaluator();
  console.log(`  ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}; CPU time`);
  console.log(
    `  ${"cells".padStart(9)}  ${"forward cells/s".padStart(16)}  ${"backward cells/s".padStart(16)}` +
      `  ${"fwd/bwd".padStart(7)}  ${"attempts fwd/bwd".padStart(18)}  ${"nodes fwd/bwd".padStart(20)}`,
  );
  const rows = [];
  for (const n of SIZES) {
    const forward = measure(evaluator, n, "forward");
    const backward = measure(evaluator, n, "backward");
    const ratio = forward.cellsPerSecond / backward.cellsPerSecond;
    console.log(
      `  ${f0(n).padStart(9)}  ${f0(forward.cellsPerSecond).padStart(16)}` +
        `  ${f0(backward.cellsPerSecond).padStart(16)}  ${ratio.toFixed(2).padStart(7)}` +
        `  ${`${f0(forward.stats.attempts)}/${f0(backward.stats.attempts)}`.padStart(18)}` +
        `  ${`${f0(forward.stats.nodes)}/${f0(backward.stats.nodes)}`.padStart(20)}`,
    );
    rows.push({ cells: n, forward, backward, ratio });
  }
  return rows;
}

// `node bench/formula-chain.mjs` runs this module alone.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await run();
}
