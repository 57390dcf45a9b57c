// Shared helpers for the benchmark modules (bench/*.mjs). Numbers are printed, never judged:
// the machine is shared, so a pass/fail on time would only be noise.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Compiles TypeScript that lies outside the node build (dist/node) — a host adapter and its
 * simulator — with tsc into node_modules/.cache/perf-eval-bench-<name>, then loads the CommonJS
 * output of `files` and returns their exports merged. `what` names it in the error message.
 */
export function compileForBench({ name, what, types, files }) {
  const out = join(ROOT, "node_modules", ".cache", `perf-eval-bench-${name}`);
  const config = join(out, "tsconfig.json");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(
    config,
    JSON.stringify({
      extends: join(ROOT, "tsconfig.json"),
      compilerOptions: {
        module: "CommonJS",
        moduleResolution: "Node10",
        noEmit: false,
        outDir: out,
        rootDir: ROOT,
        declaration: false,
        sourceMap: false,
        types,
      },
      include: [],
      files: files.map((file) => join(ROOT, file)),
    }),
  );
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", config], { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`编译${what}失败：\n${result.stdout}${result.stderr}`);
  }
  const require = createRequire(import.meta.url);
  return Object.assign(
    {},
    ...files.map((file) => require(join(out, file.replace(/\.ts$/, ".js")))),
  );
}

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
