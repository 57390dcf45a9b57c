import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, HAN, STACK_LINE, tempDir, type JsonReport } from "./helpers";

/**
 * The real launcher, bin/perf-eval.js, over the tsc build (`npm run build:node`), as a user runs
 * it: exit codes, no stack trace whatever the input, no colour when stdout is not a terminal.
 */

const root = path.resolve(__dirname, "..", "..");
const bin = path.join(root, "bin", "perf-eval.js");
let dir: string;

function perfEval(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  try {
    execFileSync("npm", ["run", "build:node"], { cwd: root, stdio: "pipe" });
  } catch {
    // tsc still emits when another module has a type error; the launcher needs only the output.
  }
  expect(fs.existsSync(path.join(root, "dist", "node", "cli", "main.js"))).toBe(true);
  dir = tempDir();
  const good = fs.readFileSync(fixture("shanghai.xlsx"));
  fs.writeFileSync(path.join(dir, "a-corrupt.xlsx"), good.subarray(0, 2000));
  fs.writeFileSync(path.join(dir, "b-good.xlsx"), good);
  fs.writeFileSync(path.join(dir, "~$b-good.xlsx"), Buffer.alloc(165, 0x20));
});

describe("bin/perf-eval.js", () => {
  it("checks a directory with a corrupt and a good file: exit 2, good forms reported", () => {
    const run = perfEval(["check", dir, "--json"]);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.map((f) => path.basename(f.file))).toEqual([
      "a-corrupt.xlsx",
      "b-good.xlsx",
    ]);
    expect(report.files[0].findings[0].message).toMatch(HAN);
    expect(report.files[1].forms).toHaveLength(30);
  });

  it("text report on a pipe: no colour, one Chinese line for the unreadable file", () => {
    const run = perfEval(["check", dir]);
    expect(run.code).toBe(2);
    expect(run.stdout).not.toContain("\u001b[");
    expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
    expect(run.stdout).toContain("闵行区创新创业大赛专项经费");
    const reason = run.stdout.split("\n").filter((line) => /损坏|不完整/.test(line));
    expect(reason).toHaveLength(1);
  });

  it("exit 1 for errors, 2 for an unknown profile or bad arguments", () => {
    expect(perfEval(["check", fixture("beijing.xlsx")]).code).toBe(1);
    const profile = perfEval(["check", fixture("beijing.xlsx"), "--profile", "nowhere"]);
    expect(profile.code).toBe(2);
    expect(profile.stderr).toMatch(HAN);
    expect(profile.stderr + profile.stdout).not.toMatch(STACK_LINE);
    const args = perfEval(["check"]);
    expect(args.code).toBe(2);
    expect(args.stderr).toContain("用法");
  });

  it("annotate into a missing folder: exit 2, one line, no stack trace", () => {
    const run = perfEval(["annotate", fixture("beijing.xlsx"), path.join(dir, "无", "out.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(HAN);
    expect(run.stderr + run.stdout).not.toMatch(STACK_LINE);
  });

  it("--version and --help", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
      version: string;
    };
    const version = perfEval(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);
    const help = perfEval(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("perf-eval check");
  });
});
