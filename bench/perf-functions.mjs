// PERF custom functions: a recalculating sheet may evaluate thousands of them at once, and RATE
// over numeric cells is the common case, so it has a fast path worth watching.
import { formatRate, loadPackage, throughput } from "./lib.mjs";

export const title = "PERF custom functions";

export async function run() {
  const { PERF } = loadPackage();
  const executed = [49.52, 49.5, 48.1, 50, 12.3, 0.5, 33.3, 44.4];
  const rows = [];

  const numeric = throughput((i) => PERF.RATE(50, executed[i & 7]));
  rows.push(["PERF.RATE(50, 49.52) numbers", numeric.callsPerSecond]);

  const text = throughput(() => PERF.RATE("1,663.27", "1,404.77"), { batch: 1_000 });
  rows.push(['PERF.RATE("1,663.27", "1,404.77") text', text.callsPerSecond]);

  const score = throughput(() => PERF.SCORE("≥257", 248, 5), { batch: 1_000 });
  rows.push(['PERF.SCORE("≥257", 248, 5)', score.callsPerSecond]);

  const scoreNumeric = throughput((i) => PERF.SCORE(257, 240 + (i & 7), 5), { batch: 1_000 });
  rows.push(["PERF.SCORE(257, 248, 5) numbers", scoreNumeric.callsPerSecond]);

  for (const [label, rate] of rows) console.log(`  ${label.padEnd(44)} ${formatRate(rate)}`);
  console.log(
    `  RATE numbers ÷ RATE text: ${(numeric.callsPerSecond / text.callsPerSecond).toFixed(1)}×`,
  );
  return Object.fromEntries(rows);
}
