import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, HAN, STACK_LINE, tempDir, type JsonReport } from "./helpers";
import {
  NOBODY,
  unprivilegedCli,
  unprivilegedUnavailable,
  type UnprivilegedCli,
} from "./unprivileged";

/**
 * The real launcher, bin/perf-eval.js, over the tsc build (`npm run build:node`), as a user runs
 * it: exit codes, no stack trace whatever the input, no colour when stdout is not a terminal.
 */

const root = path.resolve(__dirname, "..", "..");
const bin = path.join(root, "bin", "perf-eval.js");
let dir: string;

function perfEval(args: string[], env: NodeJS.ProcessEnv = {}, cwd = root) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env },
    // A guard, not a measure: input that makes the CLI block (a FIFO) must fail the test, not hang it.
    timeout: 60_000,
    killSignal: "SIGKILL",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, error: result.error };
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

  it("a FIFO named .xlsx in a folder is never opened: one reason, the rest checked, no hang", () => {
    const folder = tempDir();
    execFileSync("mkfifo", [path.join(folder, "a-pipe.xlsx")]);
    fs.copyFileSync(fixture("shanghai.xlsx"), path.join(folder, "b-good.xlsx"));
    for (const args of [[folder], [path.join(folder, "a-pipe.xlsx")]]) {
      const run = perfEval(["check", "--json", ...args]);
      expect(run.error).toBeUndefined();
      expect(run.code).toBe(2);
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report.files[0].findings[0].message).toMatch(/命名管道.*不是普通文件/);
      if (args[0] === folder) expect(report.files[1].forms).toHaveLength(30);
    }
    // annotate refuses it the same way, before anything is opened or written.
    const out = path.join(folder, "out.xlsx");
    const annotated = perfEval(["annotate", path.join(folder, "a-pipe.xlsx"), out]);
    expect(annotated.error).toBeUndefined();
    expect(annotated.code).toBe(2);
    expect(annotated.stderr).toMatch(/命名管道/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("a device given directly (/dev/zero, endless) is refused without reading", () => {
    const run = perfEval(["check", "/dev/zero"]);
    expect(run.error).toBeUndefined();
    expect(run.code).toBe(2);
    const reason = run.stdout.split("\n").filter((line) => line.includes("设备文件"));
    expect(reason).toHaveLength(1);
    expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
  });

  it("-- ends the options: a workbook named --报表.xlsx is checked", () => {
    const folder = tempDir();
    fs.copyFileSync(fixture("shanghai.xlsx"), path.join(folder, "--报表.xlsx"));
    const run = perfEval(["check", "--json", "--", "--报表.xlsx"], {}, folder);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.map((f) => f.file)).toEqual(["--报表.xlsx"]);
    expect(report.files[0].forms).toHaveLength(30);
    const out = perfEval(["annotate", "--", "--报表.xlsx", "--标注.xlsx"], {}, folder);
    expect(out.code).toBe(1);
    expect(fs.existsSync(path.join(folder, "--标注.xlsx"))).toBe(true);
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

// Root reads every file, so these run without it (setpriv as root); CI must run them, not skip.
const unavailable = unprivilegedUnavailable();

describe.skipIf(unavailable !== undefined && !process.env.CI)(
  `as an unprivileged user${unavailable ? ` (skipped outside CI: ${unavailable})` : ""}`,
  () => {
    let base: string;
    let reports: string;
    let readOnly: string;
    let writable: string;
    let cli: UnprivilegedCli;
    const locked: Array<[string, number]> = [];
    const lock = (target: string, mode: number, restore: number) => {
      fs.chmodSync(target, mode);
      locked.push([target, restore]);
    };
    const good = () => fixture("shanghai.xlsx");

    beforeAll(() => {
      expect(unavailable, "CI runs the permission cases: setpriv is needed").toBeUndefined();
      // Everything the unprivileged process must read is world-readable; only the cases are not.
      base = tempDir();
      fs.chmodSync(base, 0o755);
      reports = path.join(base, "报表");
      fs.mkdirSync(path.join(reports, "c-私密"), { recursive: true, mode: 0o755 });
      fs.mkdirSync(path.join(reports, "d-公开"), { mode: 0o755 });
      fs.copyFileSync(good(), path.join(reports, "a-good.xlsx"));
      fs.copyFileSync(good(), path.join(reports, "b-locked.xlsx"));
      fs.copyFileSync(good(), path.join(reports, "c-私密", "inner.xlsx"));
      fs.copyFileSync(good(), path.join(reports, "d-公开", "e.xlsx"));
      for (const file of ["a-good.xlsx", "d-公开/e.xlsx"]) {
        fs.chmodSync(path.join(reports, file), 0o644);
      }
      lock(path.join(reports, "b-locked.xlsx"), 0o000, 0o644);
      lock(path.join(reports, "c-私密"), 0o000, 0o755);
      readOnly = path.join(base, "只读");
      fs.mkdirSync(readOnly);
      lock(readOnly, 0o555, 0o755);
      writable = path.join(base, "可写");
      fs.mkdirSync(writable);
      fs.chmodSync(writable, 0o777);
      cli = unprivilegedCli(bin, path.join(root, "dist", "node", "cli", "main.js"), base);
      // The unprivileged process really runs (and really is unprivileged: it cannot list c-私密).
      const version = cli.run(["--version"], base);
      expect(version.code, `${cli.how}: ${version.stderr}`).toBe(0);
    });

    afterAll(() => {
      for (const [target, mode] of locked) fs.chmodSync(target, mode);
    });

    it("check: an unreadable folder and file are one Chinese finding each; the rest is checked", () => {
      const run = cli.run(["check", "--json", reports], base);
      expect(run.error, cli.how).toBeUndefined();
      expect(run.stderr, cli.how).toBe("");
      expect(run.code).toBe(2);
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report.files.map((f) => path.relative(reports, f.file))).toEqual([
        "a-good.xlsx",
        "b-locked.xlsx",
        "c-私密",
        path.join("d-公开", "e.xlsx"),
      ]);
      const [a, b, c, d] = report.files;
      expect(a.forms).toHaveLength(30);
      expect(d.forms).toHaveLength(30);
      for (const [file, reason] of [
        [b, /没有权限读取文件“b-locked\.xlsx”/],
        [c, /没有权限读取文件夹“.*c-私密”/],
      ] as const) {
        expect(file.forms).toEqual([]);
        expect(file.findings).toHaveLength(1);
        expect(file.findings[0]).toMatchObject({ rule: "file-unreadable", severity: "error" });
        expect(file.findings[0].message).toMatch(reason);
      }

      const text = cli.run(["check", reports], base);
      expect(text.code).toBe(2);
      expect(text.stdout + text.stderr).not.toMatch(STACK_LINE);
      expect(text.stdout.split("\n").filter((l) => l.includes("没有权限读取"))).toHaveLength(2);
      expect(text.stdout).toContain("共检查 4 个文件、60 张表");

      const folder = cli.run(["check", "--json", path.join(reports, "c-私密")], base);
      expect(folder.code).toBe(2);
      const only = (JSON.parse(folder.stdout) as JsonReport).files;
      expect(only).toHaveLength(1);
      expect(only[0].findings[0].message).toContain("没有权限读取文件夹");
    });

    it("annotate: an unreadable input or a folder it cannot write to is one Chinese line", () => {
      const notWritten = path.join(readOnly, "标注.xlsx");
      const run1 = cli.run(["annotate", path.join(reports, "a-good.xlsx"), notWritten], base);
      expect(run1.stderr).toMatch(/没有写入权限/);
      const run2 = cli.run(
        ["annotate", path.join(reports, "b-locked.xlsx"), path.join(writable, "x.xlsx")],
        base,
      );
      expect(run2.stderr).toMatch(/没有权限读取文件/);
      for (const run of [run1, run2]) {
        expect(run.code).toBe(2);
        expect(run.stdout).toBe("");
        expect(run.stderr.trim().split("\n")).toHaveLength(1);
        expect(run.stderr).not.toMatch(STACK_LINE);
      }
      expect(fs.readdirSync(readOnly)).toEqual([]);
      expect(fs.readdirSync(writable)).toEqual([]);
    });

    it("annotate: writes its copy, then keeps it unless --force", () => {
      const input = path.join(reports, "a-good.xlsx");
      const output = path.join(writable, "标注.xlsx");
      expect(cli.run(["annotate", input, output], base).code).toBe(1);
      if (process.getuid?.() === 0) expect(fs.statSync(output).uid).toBe(NOBODY);
      const before = fs.readFileSync(output);
      const again = cli.run(["annotate", input, output], base);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain("已存在");
      expect(fs.readFileSync(output).equals(before)).toBe(true);
      expect(cli.run(["annotate", input, output, "--force"], base).code).toBe(1);
      expect(fs.readdirSync(writable)).toEqual(["标注.xlsx"]);
    });
  },
);
