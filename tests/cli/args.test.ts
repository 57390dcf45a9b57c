import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "../../src/cli/args";

describe("perf-eval arguments", () => {
  it("reads check with files, --json and --profile", () => {
    expect(parseArgs(["check", "a.xlsx", "dir", "--json", "--profile", "shanghai"])).toEqual({
      name: "check",
      inputs: ["a.xlsx", "dir"],
      json: true,
      profile: "shanghai",
    });
  });

  it("defaults the profile to national and accepts --profile=name", () => {
    expect(parseArgs(["check", "a.xlsx"])).toMatchObject({ profile: "national", json: false });
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
      json: false,
      profile: "national",
    });
    expect(parseArgs(["check", "--json", "--", "--file.xlsx"])).toMatchObject({
      inputs: ["--file.xlsx"],
      json: true,
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
    expect(() => parseArgs(["check", "a.xlsx", "--force"])).toThrow("不支持选项");
    expect(() => parseArgs(["annotate", "in.xlsx", "out.xlsx", "--force=no"])).toThrow("未知选项");
  });

  it.each([
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
