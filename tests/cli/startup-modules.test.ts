import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildNode } from "../fuzz/harness";
import { fixture, tempDir, type JsonReport } from "./helpers";

/**
 * What `perf-eval check` loads (issue 10: every run pays for its module loading). Through the real
 * launcher over dist/node, with a preload that writes down every module a thread has loaded: the
 * main thread when the process exits, a worker thread each time it posts a checked file back. The
 * check path must not load zod (its schemas are for tests and for options from outside, which check
 * has none of) nor the annotate command.
 */

const root = path.resolve(__dirname, "..", "..");
const bin = path.join(root, "bin", "perf-eval.js");
const dist = path.join(root, "dist", "node");
let dir: string;
let preload: string;

/** Lines `threadId<TAB>file` in the log named by PERF_EVAL_MODULE_LOG; only documented APIs. */
const PRELOAD = `"use strict";
const fs = require("node:fs");
const { isMainThread, parentPort, threadId } = require("node:worker_threads");
const log = process.env.PERF_EVAL_MODULE_LOG;
const record = () =>
  fs.appendFileSync(log, Object.keys(require.cache).map((file) => threadId + "\\t" + file + "\\n").join(""));
if (isMainThread) {
  process.on("exit", record);
} else if (parentPort) {
  const post = parentPort.postMessage;
  parentPort.postMessage = function (...args) {
    record();
    return post.apply(this, args);
  };
}
`;

/** Modules loaded per thread (0 = main), as paths relative to the repository. */
type Loaded = Map<number, Set<string>>;

function runWithPreload(args: string[]): { code: number | null; stdout: string; loaded: Loaded } {
  const log = path.join(dir, `modules-${Math.random().toString(36).slice(2)}.log`);
  const result = spawnSync(process.execPath, ["-r", preload, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", PERF_EVAL_MODULE_LOG: log },
    // A guard, not a measure: a run that blocks must fail the test, not hang it.
    timeout: 120_000,
    killSignal: "SIGKILL",
  });
  const loaded: Loaded = new Map();
  const text = fs.existsSync(log) ? fs.readFileSync(log, "utf8") : "";
  for (const line of text.split("\n").filter(Boolean)) {
    const [thread, file] = line.split("\t");
    const files = loaded.get(Number(thread)) ?? new Set<string>();
    files.add(path.relative(root, file).split(path.sep).join("/"));
    loaded.set(Number(thread), files);
  }
  return { code: result.status, stdout: result.stdout, loaded };
}

const isZod = (file: string) => /(^|\/)node_modules\/zod\//.test(file);
const ANNOTATE = "dist/node/cli/annotate.js";

function checkReport(stdout: string): JsonReport {
  const report = JSON.parse(stdout) as JsonReport;
  expect(report.files.length).toBeGreaterThan(0);
  for (const file of report.files) expect(file.forms.length).toBeGreaterThan(0);
  return report;
}

beforeAll(() => {
  buildNode();
  expect(fs.existsSync(path.join(dist, "cli", "check-worker.js"))).toBe(true);
  dir = tempDir();
  preload = path.join(dir, "record-modules.cjs");
  fs.writeFileSync(preload, PRELOAD);
  fs.mkdirSync(path.join(dir, "forms"));
  for (const name of ["shanghai.xlsx", "beijing.xlsx"]) {
    fs.copyFileSync(fixture(name), path.join(dir, "forms", name));
  }
});

describe("modules loaded by perf-eval check", () => {
  it("the recording sees zod and annotate where they are loaded (the package main, annotate)", () => {
    const run = runWithPreload([
      "-e",
      `require(${JSON.stringify(path.join(dist, "node", "index.js"))});` +
        `require(${JSON.stringify(path.join(dist, "cli", "annotate.js"))});`,
    ]);
    expect(run.code).toBe(0);
    const main = [...(run.loaded.get(0) ?? [])];
    expect(main.some(isZod)).toBe(true);
    expect(main).toContain(ANNOTATE);
  });

  it("one workbook, in this process: no zod, no annotate", () => {
    const run = runWithPreload([bin, "check", "--json", fixture("shanghai.xlsx")]);
    expect(run.code === 0 || run.code === 1, `exit code ${run.code}`).toBe(true);
    checkReport(run.stdout);
    expect([...run.loaded.keys()]).toEqual([0]);
    const main = [...run.loaded.get(0)!];
    // The check itself ran here: the reader and the rules are among the modules seen.
    expect(main).toContain("dist/node/cli/check.js");
    expect(main).toContain("dist/node/hosts/xlsx/read.js");
    expect(main).toContain("dist/node/core/rules/index.js");
    expect(main.filter(isZod)).toEqual([]);
    expect(main).not.toContain(ANNOTATE);
  });

  it("a folder with --jobs 2: neither the main thread nor a worker loads zod or annotate", () => {
    const run = runWithPreload([bin, "check", "--json", "--jobs", "2", path.join(dir, "forms")]);
    expect(run.code === 0 || run.code === 1, `exit code ${run.code}`).toBe(true);
    expect(checkReport(run.stdout).files).toHaveLength(2);
    const workers = [...run.loaded.keys()].filter((thread) => thread !== 0);
    expect(workers).toHaveLength(2);
    for (const thread of [0, ...workers]) {
      const files = [...run.loaded.get(thread)!];
      expect(files.filter(isZod), `thread ${thread}`).toEqual([]);
      expect(files, `thread ${thread}`).not.toContain(ANNOTATE);
    }
    // The files were checked in the workers: each loaded the worker script, the reader, the rules.
    for (const thread of workers) {
      const files = [...run.loaded.get(thread)!];
      expect(files).toContain("dist/node/cli/check-worker.js");
      expect(files).toContain("dist/node/hosts/xlsx/read.js");
      expect(files).toContain("dist/node/core/rules/index.js");
    }
  });
});
