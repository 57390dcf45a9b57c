// Shared helpers for the benchmark modules (bench/*.mjs). Numbers are printed, never judged:
// the machine is shared, so a pass/fail on time would only be noise.
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The built package main (dist/node), as Node users load it. */
export function loadPackage() {
  return createRequire(resolve(ROOT, "package.json"))(ROOT);
}

/**
 * Calls `body(i)` in batches until `seconds` have passed; returns calls per second. The results are
 * summed into a sink that is returned too, so the engine cannot drop the calls as dead code.
 */
export function throughput(body, { seconds = 1, batch = 10_000 } = {}) {
  let sink = 0;
  for (let i = 0; i < batch; i++) sink += Number(body(i)) || 0; // warm-up, lets the JIT settle
  let calls = 0;
  const start = process.hrtime.bigint();
  const limit = BigInt(Math.round(seconds * 1e9));
  let elapsed = 0n;
  while (elapsed < limit) {
    for (let i = 0; i < batch; i++) sink += Number(body(i)) || 0;
    calls += batch;
    elapsed = process.hrtime.bigint() - start;
  }
  return { callsPerSecond: calls / (Number(elapsed) / 1e9), sink };
}

export function formatRate(callsPerSecond) {
  return `${Math.round(callsPerSecond).toLocaleString("en-US")} calls/s`;
}
