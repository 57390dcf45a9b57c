import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  allFindings,
  checkJson,
  fixture,
  HAN,
  runCli,
  seedForm,
  tempDir,
  writeWorkbook,
} from "./helpers";
import type { GoldenFinding } from "../support/seed-fixtures";

/** `perf-eval check` end to end through `main()` on the fixture workbooks (product.md §3). */

const golden = (name: string): GoldenFinding[] =>
  JSON.parse(fs.readFileSync(fixture(`golden/${name}.json`), "utf8")) as GoldenFinding[];

const FINDING_KEYS = ["rule", "severity", "sheet", "cell", "message", "expected", "actual"];

describe("check --json", () => {
  it("has exactly the contract's shape", async () => {
    const { run, report } = await checkJson([fixture("shanghai.xlsx")]);
    expect(run.stderr).toBe("");
    expect(Object.keys(report)).toEqual(["files"]);
    expect(report.files).toHaveLength(1);
    const [file] = report.files;
    expect(Object.keys(file).sort()).toEqual(["file", "findings", "forms"]);
    expect(file.file).toBe(fixture("shanghai.xlsx"));
    // Seed 003 holds 30 forms, stacked on one sheet.
    expect(file.forms).toHaveLength(30);
    for (const form of file.forms) {
      expect(Object.keys(form).sort()).toEqual(
        ["execution", "findings", "grade", "projectName", "range", "sheet", "total"].sort(),
      );
      expect(Object.keys(form.execution).sort()).toEqual(["rate", "score"]);
      expect(Object.keys(form.total).sort()).toEqual(["computed", "printed"]);
      expect(form.range).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
      for (const finding of form.findings) {
        for (const key of Object.keys(finding)) expect(FINDING_KEYS).toContain(key);
        expect(["error", "warning", "info"]).toContain(finding.severity);
        expect(finding.sheet).toBe(form.sheet);
        expect(finding.cell).toMatch(/^[A-Z]+\d+$/);
        expect(finding.message).toMatch(HAN);
      }
    }
  });

  it("reports the seed figures of the first Shanghai form", async () => {
    const { report } = await checkJson([fixture("shanghai.xlsx")]);
    const form = report.files[0].forms[0];
    // Seed 003-1: 50.00 budgeted, 49.52 executed, printed 99.04% / 9.90, total 99.90, 优.
    expect(form).toMatchObject({
      sheet: "项目支出绩效自评",
      projectName: "闵行区创新创业大赛专项经费",
      execution: { score: 9.9 },
      total: { printed: 99.9, computed: 99.9 },
      grade: "优",
    });
    expect(form.execution.rate).toBeCloseTo(49.52 / 50, 12);
    expect(form.range.startsWith("A1:")).toBe(true);
  });

  it.each(["beijing", "shanghai", "offset"])(
    "%s.xlsx: every golden finding reported, no unexpected error",
    async (name) => {
      const { report } = await checkJson([fixture(`${name}.xlsx`)]);
      const found = allFindings(report.files[0]);
      for (const g of golden(name)) {
        expect(found, `${g.rule} at ${g.sheet}!${g.cell} (${g.projectName})`).toContainEqual(
          expect.objectContaining({ rule: g.rule, sheet: g.sheet, cell: g.cell }),
        );
      }
      const expectedErrors = new Set(
        golden(name)
          .filter((g) => g.severity === "error")
          .map((g) => `${g.rule}@${g.sheet}!${g.cell}`),
      );
      const unexpected = found
        .filter((f) => f.severity === "error")
        .map((f) => `${f.rule}@${f.sheet}!${f.cell}`)
        .filter((key) => !expectedErrors.has(key));
      expect(unexpected).toEqual([]);
    },
  );

  it("exit code: 1 when errors are found, 0 when none", async () => {
    // shanghai.xlsx: 003-16 and 003-18 lack a 年度指标值 (required-field errors).
    expect((await checkJson([fixture("shanghai.xlsx")])).run.code).toBe(1);

    const dir = tempDir();
    const clean = path.join(dir, "clean.xlsx");
    // 003-1 and 003-2 are printed consistently: warnings/infos at most.
    await writeWorkbook(clean, [
      { name: "自评", forms: [{ form: seedForm("003-1"), options: { layout: "shanghai" } }] },
      { name: "自评2", forms: [{ form: seedForm("003-2"), options: { layout: "beijing" } }] },
    ]);
    const { run, report } = await checkJson([clean]);
    expect(report.files[0].forms.map((f) => f.projectName)).toEqual([
      "闵行区创新创业大赛专项经费",
      "党建引领基层治理培训经费",
    ]);
    expect(allFindings(report.files[0]).filter((f) => f.severity === "error")).toEqual([]);
    expect(run.code).toBe(0);
  });

  it("reports forms of several files in argument order", async () => {
    const { run, report } = await checkJson([fixture("offset.xlsx"), fixture("beijing.xlsx")]);
    expect(report.files.map((f) => f.file)).toEqual([
      fixture("offset.xlsx"),
      fixture("beijing.xlsx"),
    ]);
    // Beijing: 21 forms of seed 000 and 5 of seed 001, one per sheet.
    expect(report.files[1].forms).toHaveLength(26);
    expect(run.code).toBe(1);
  });
});

describe("check text output", () => {
  it("names file, form, sheet!cell, severity, message and counts, without colour", async () => {
    const { report } = await checkJson([fixture("beijing.xlsx")]);
    const run = await runCli(["check", fixture("beijing.xlsx")]);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain("\u001b[");
    const text = run.stdout;
    expect(text).toContain(fixture("beijing.xlsx"));
    const file = report.files[0];
    for (const form of file.forms) {
      expect(text).toContain(form.projectName);
      expect(text).toContain(`${form.sheet}!${form.range}`);
    }
    const lines = text.split("\n");
    for (const f of allFindings(file)) {
      const label = { error: "错误", warning: "警告", info: "提示" }[f.severity];
      const line = lines.find((l) => l.includes(`${f.sheet}!${f.cell}`) && l.includes(f.message));
      expect(line, `${f.rule} at ${f.sheet}!${f.cell}`).toBeDefined();
      expect(line).toContain(label);
    }
    const count = (s: string) => allFindings(file).filter((f) => f.severity === s).length;
    expect(count("error")).toBeGreaterThan(0);
    expect(text).toContain(
      `共检查 1 个文件、26 张表：错误 ${count("error")}，警告 ${count("warning")}，提示 ${count("info")}`,
    );
  });

  it("colours only when asked (a terminal)", async () => {
    const run = await runCli(["check", fixture("beijing.xlsx")], true);
    expect(run.stdout).toContain("\u001b[31m");
    const ansi = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, "g");
    const plain = run.stdout.replace(ansi, "");
    expect(plain).toBe((await runCli(["check", fixture("beijing.xlsx")])).stdout);
  });
});

describe("check --profile", () => {
  // Seed 003-4 公务员管理: 115.43 / 187.40 = 61.5955…%, printed 61.59 (Shanghai truncates).
  it("shanghai shows the truncated rate where national rounds it", async () => {
    const national = await checkJson([fixture("shanghai.xlsx")]);
    const shanghai = await checkJson([fixture("shanghai.xlsx"), "--profile", "shanghai"]);
    const lowRate = (report: typeof national.report) =>
      report.files[0].forms
        .find((f) => f.projectName === "公务员管理")
        ?.findings.find((f) => f.rule === "exec-rate-low");
    expect(lowRate(national.report)?.message).toContain("61.60%");
    expect(lowRate(shanghai.report)?.message).toContain("61.59%");

    const text = await runCli(["check", fixture("shanghai.xlsx"), "--profile", "shanghai"]);
    const formLine = text.stdout
      .split("\n")
      .find((l) => l.includes("公务员管理") && l.includes("表"));
    expect(formLine).toContain("执行率 61.59%");
    const nationalText = await runCli(["check", fixture("shanghai.xlsx")]);
    const nationalLine = nationalText.stdout
      .split("\n")
      .find((l) => l.includes("公务员管理") && l.includes("表"));
    expect(nationalLine).toContain("执行率 61.60%");
  });

  it("a wrong printed rate: the expected value follows the profile", async () => {
    const dir = tempDir();
    const file = path.join(dir, "wrong-rate.xlsx");
    const form = seedForm("003-4");
    form.funds.total.rate = "60.00";
    await writeWorkbook(file, [
      { name: "自评", forms: [{ form, options: { layout: "shanghai" } }] },
    ]);
    const mismatch = async (profile: string) =>
      allFindings((await checkJson([file, "--profile", profile])).report.files[0]).find(
        (f) => f.rule === "exec-rate-mismatch",
      );
    expect((await mismatch("national"))?.expected).toBe("61.60%");
    expect((await mismatch("shanghai"))?.expected).toBe("61.59%");
  });

  it("an unknown profile is exit 2 with a Chinese message and no report", async () => {
    const run = await runCli(["check", fixture("shanghai.xlsx"), "--profile", "beijing-2030"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("beijing-2030");
    expect(run.stderr).toMatch(HAN);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("wrong arguments are exit 2", async () => {
    expect((await runCli(["check"])).code).toBe(2);
    expect((await runCli(["check", "--frobnicate", fixture("shanghai.xlsx")])).code).toBe(2);
    expect((await runCli(["inspect", fixture("shanghai.xlsx")])).code).toBe(2);
    const run = await runCli(["check", "--profile"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(HAN);
  });
});

describe("check on directories", () => {
  it("expands recursively, in order, skipping ~$ lock files and other files", async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "b", "deeper"), { recursive: true });
    await writeWorkbook(path.join(dir, "b", "deeper", "二.xlsx"), [
      { name: "自评", forms: [{ form: seedForm("003-2"), options: { layout: "shanghai" } }] },
    ]);
    await writeWorkbook(path.join(dir, "a.xlsx"), [
      { name: "自评", forms: [{ form: seedForm("003-1"), options: { layout: "shanghai" } }] },
    ]);
    // Excel's lock file beside an open workbook: 165 bytes of owner name, not a workbook.
    fs.writeFileSync(path.join(dir, "~$a.xlsx"), Buffer.alloc(165, 0x20));
    fs.writeFileSync(path.join(dir, "readme.txt"), "说明");

    const { run, report } = await checkJson([dir]);
    expect(report.files.map((f) => path.relative(dir, f.file))).toEqual([
      "a.xlsx",
      path.join("b", "deeper", "二.xlsx"),
    ]);
    expect(report.files.map((f) => f.forms[0]?.projectName)).toEqual([
      "闵行区创新创业大赛专项经费",
      "党建引领基层治理培训经费",
    ]);
    expect(run.code).toBe(0);
  });

  it("a missing path is exit 2 with a Chinese reason; the other files are still checked", async () => {
    const missing = path.join(tempDir(), "不存在.xlsx");
    const { run, report } = await checkJson([missing, fixture("shanghai.xlsx")]);
    expect(run.code).toBe(2);
    expect(report.files).toHaveLength(2);
    expect(report.files[0].forms).toEqual([]);
    expect(report.files[0].findings).toHaveLength(1);
    expect(report.files[0].findings[0].message).toMatch(HAN);
    expect(report.files[1].forms).toHaveLength(30);
  });
});
