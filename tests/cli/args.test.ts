import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "../../src/cli/args";

describe("perf-eval arguments", () => {
  it("reads check with files, --json and --profile", () => {
    expect(parseArgs(["check", "a.xlsx", "dir", "--json", "--profile", "shanghai"])).toEqual({
      name: "check",
      inputs: ["a.xlsx", "dir"],
      format: "json",
      profile: "shanghai",
      force: false,
    });
  });

  it("defaults the profile to national and accepts --profile=name", () => {
    expect(parseArgs(["check", "a.xlsx"])).toMatchObject({ profile: "national", format: "text" });
    expect(parseArgs(["check", "--profile=shanghai", "a.xlsx"])).toMatchObject({
      profile: "shanghai",
    });
  });

  it("reads annotate and template", () => {
    expect(parseArgs(["annotate", "in.xlsx", "out.xlsx"])).toMatchObject({
      name: "annotate",
      input: "in.xlsx",
      output: "out.xlsx",
    });
    expect(parseArgs(["template", "t.xlsx", "--kind", "project-2021", "--year", "2025"])).toEqual({
      name: "template",
      output: "t.xlsx",
      kind: "project-2021",
      year: 2025,
      unit: undefined,
    });
  });

  it("-- ends the options for every command: what follows are names", () => {
    expect(parseArgs(["check", "--", "--file.xlsx", "-h", "--json"])).toEqual({
      name: "check",
      inputs: ["--file.xlsx", "-h", "--json"],
      format: "text",
      profile: "national",
      force: false,
    });
    expect(parseArgs(["check", "--json", "--", "--file.xlsx"])).toMatchObject({
      inputs: ["--file.xlsx"],
      format: "json",
    });
    expect(parseArgs(["annotate", "--force", "--", "--in.xlsx", "--out.xlsx"])).toMatchObject({
      input: "--in.xlsx",
      output: "--out.xlsx",
      force: true,
    });
    expect(parseArgs(["template", "--year", "2025", "--", "--t.xlsx"])).toMatchObject({
      output: "--t.xlsx",
      year: 2025,
    });
    expect(parseArgs(["--", "check", "a.xlsx"])).toMatchObject({
      name: "check",
      inputs: ["a.xlsx"],
    });
  });

  it("annotate takes --force, off by default; other commands refuse it", () => {
    expect(parseArgs(["annotate", "in.xlsx", "out.xlsx"])).toMatchObject({ force: false });
    expect(parseArgs(["annotate", "in.xlsx", "out.xlsx", "--force"])).toMatchObject({
      force: true,
    });
    expect(() => parseArgs(["check", "a.xlsx", "--force"])).toThrow("--force 只用于 --report");
    expect(() => parseArgs(["template", "t.xlsx", "--force"])).toThrow("不支持选项");
    expect(() => parseArgs(["annotate", "in.xlsx", "out.xlsx", "--force=no"])).toThrow("未知选项");
  });

  it("reads --format, --jobs and --report for check", () => {
    expect(parseArgs(["check", "d", "--format", "csv", "--jobs", "3"])).toEqual({
      name: "check",
      inputs: ["d"],
      format: "csv",
      profile: "national",
      jobs: 3,
      force: false,
    });
    expect(parseArgs(["check", "d", "--report=汇总.xlsx", "--force", "--format=json"])).toEqual({
      name: "check",
      inputs: ["d"],
      format: "json",
      profile: "national",
      report: "汇总.xlsx",
      force: true,
    });
    // Without --jobs the command line picks one worker per core.
    expect(parseArgs(["check", "d"])).not.toHaveProperty("jobs");
  });

  it.each([
    [["check", "d", "--jobs", "0"], "--jobs 应为 1 到 256"],
    [["check", "d", "--jobs", "2.5"], "--jobs 应为"],
    [["check", "d", "--jobs", "all"], "--jobs 应为"],
    [["check", "d", "--format", "xml"], "--format 只能是 text、json、csv"],
    [["check", "d", "--json", "--format", "csv"], "不能同时使用"],
    [["check", "d", "--report"], "需要一个值"],
    [["annotate", "a.xlsx", "b.xlsx", "--jobs", "2"], "不支持选项"],
    [["check"], "至少一个文件"],
    [["check", "a.xlsx", "--bogus"], "未知选项"],
    [["annotate", "in.xlsx"], "输入文件和一个输出文件"],
    [["template", "t.xlsx", "--kind", "other"], "--kind"],
    [["template", "t.xlsx", "--year", "25"], "四位年份"],
    [["check", "a.xlsx", "--profile"], "需要一个值"],
    [["frobnicate"], "未知命令"],
    [["check", "a.xlsx", "--kind", "project"], "不支持选项"],
  ])("rejects %j with a Chinese reason", (argv, reason) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(reason);
  });

  it("shows help for no arguments and --help", () => {
    expect(parseArgs([])).toEqual({ name: "help" });
    expect(parseArgs(["check", "--help"])).toEqual({ name: "help" });
  });
});
