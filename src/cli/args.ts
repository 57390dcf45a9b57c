/** Command-line arguments of `perf-eval` (product.md §3). Pure: no I/O. */
import { TEMPLATE_KINDS, isTemplateKind, type TemplateKind } from "../core/templates";

export type Command =
  | {
      name: "check";
      inputs: string[];
      format: OutputFormat;
      profile: string;
      /** Worker threads (1 = in this process); undefined = one per core. */
      jobs?: number;
      /** Summary workbook to write (--report). */
      report?: string;
      /** Replace an existing --report file. */
      force: boolean;
    }
  | { name: "annotate"; input: string; output: string; profile: string; force: boolean }
  | { name: "template"; output: string; kind: TemplateKind; year: number; unit?: string }
  | { name: "help" }
  | { name: "version" };

/** What `check` prints on stdout. */
export type OutputFormat = "text" | "json" | "csv";
const FORMATS: readonly OutputFormat[] = ["text", "json", "csv"];

/** Most worker threads --jobs accepts: far beyond any machine's cores, yet a typo (1000) is said. */
export const MAX_JOBS = 256;

export class UsageError extends Error {}

export const USAGE = `用法：
  perf-eval check <文件.xlsx|目录>... [--format text|json|csv] [--profile <名称>]
                 [--report <汇总.xlsx> [--force]] [--jobs <N>]
      检查工作簿中的每一张项目支出绩效自评表。退出码 0：无错误；1：发现错误；2：文件无法读取或参数有误。
      --format json（或 --json）输出 JSON；--format csv 输出问题清单 CSV（UTF-8 带 BOM，Excel 可直接
      打开；以 = + - @ 开头的单元格前加 ' ，防止被当作公式执行）。
      --report 另存一份汇总工作簿：“表格汇总”每张表一行（项目名称、主管部门、全年预算数、执行率、
      总分、等级与错误/警告/提示数），“问题清单”每条问题一行，均可筛选；文件名可点击打开。
      已存在的文件不会被覆盖，除非加 --force。
      --jobs 同时检查的文件数（默认为 CPU 核数；1 表示逐个检查）。在终端中运行时，
      标准错误输出上显示进度（已完成文件数、表数、错误数）。
  perf-eval annotate <输入.xlsx> <输出.xlsx> [--force] [--profile <名称>]
      另存一份标注了问题单元格（底色与批注）的副本，不改动输入文件；输出文件已存在时不写，
      除非加 --force（覆盖它）。
  perf-eval template <输出.xlsx> [--kind project|project-2021|department] [--year 2025] [--unit 单位名称]
      生成空白模板（使用原生公式计算）。
  perf-eval --help | --version
  以 - 开头的文件名写在 -- 之后，如 perf-eval check -- --报表.xlsx`;

export function parseArgs(argv: readonly string[]): Command {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  const takesValue = new Set([
    "--profile",
    "--kind",
    "--year",
    "--unit",
    "--format",
    "--jobs",
    "--report",
  ]);
  const flags = new Set(["--json", "--force"]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    // "--" ends the options: what follows are names, even "--报表.xlsx" or "-h".
    if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-h" || arg === "--help") return { name: "help" };
    if (arg === "-v" || arg === "--version") return { name: "version" };
    if (arg.startsWith("--")) {
      const [key, inlineValue] = splitOption(arg);
      if (takesValue.has(key)) {
        const value = inlineValue ?? argv[++i];
        if (value === undefined || value.startsWith("--")) {
          throw new UsageError(`选项 ${key} 需要一个值`);
        }
        options.set(key, value);
      } else if (flags.has(key) && inlineValue === undefined) {
        options.set(key, true);
      } else {
        throw new UsageError(`未知选项：${arg}`);
      }
    } else {
      positional.push(arg);
    }
  }
  const [name, ...rest] = positional;
  const profile = stringOption(options, "--profile") ?? "national";
  switch (name) {
    case undefined:
      return { name: "help" };
    case "check": {
      allowOnly(
        options,
        ["--json", "--format", "--profile", "--jobs", "--report", "--force"],
        name,
      );
      if (rest.length === 0) throw new UsageError("check 需要至少一个文件或目录");
      const report = stringOption(options, "--report");
      if (options.has("--force") && report === undefined) {
        throw new UsageError("--force 只用于 --report（覆盖已有的汇总工作簿）");
      }
      const jobsText = stringOption(options, "--jobs");
      return {
        name,
        inputs: rest,
        format: formatOption(options),
        profile,
        ...(jobsText === undefined ? {} : { jobs: jobsOption(jobsText) }),
        ...(report === undefined ? {} : { report }),
        force: options.has("--force"),
      };
    }
    case "annotate":
      allowOnly(options, ["--profile", "--force"], name);
      if (rest.length !== 2) throw new UsageError("annotate 需要一个输入文件和一个输出文件");
      return { name, input: rest[0], output: rest[1], profile, force: options.has("--force") };
    case "template": {
      allowOnly(options, ["--kind", "--year", "--unit"], name);
      if (rest.length !== 1) throw new UsageError("template 需要一个输出文件");
      const kind = stringOption(options, "--kind") ?? "project";
      if (!isTemplateKind(kind)) {
        throw new UsageError(`--kind 只能是 ${TEMPLATE_KINDS.join("、")}，收到“${kind}”`);
      }
      const yearText = stringOption(options, "--year") ?? String(new Date().getFullYear());
      const year = Number(yearText);
      if (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100) {
        throw new UsageError(`--year 应为四位年份，如 2025，收到“${yearText}”`);
      }
      return {
        name,
        output: rest[0],
        kind,
        year,
        unit: stringOption(options, "--unit"),
      };
    }
    default:
      throw new UsageError(`未知命令：${name}`);
  }
}

function formatOption(options: Map<string, string | true>): OutputFormat {
  const format = stringOption(options, "--format");
  if (format === undefined) return options.has("--json") ? "json" : "text";
  if (!FORMATS.includes(format as OutputFormat)) {
    throw new UsageError(`--format 只能是 ${FORMATS.join("、")}，收到“${format}”`);
  }
  if (options.has("--json") && format !== "json") {
    throw new UsageError(`--json 与 --format ${format} 不能同时使用`);
  }
  return format as OutputFormat;
}

function jobsOption(text: string): number {
  const jobs = Number(text);
  if (!/^\d+$/.test(text) || jobs < 1 || jobs > MAX_JOBS) {
    throw new UsageError(`--jobs 应为 1 到 ${MAX_JOBS} 之间的整数，收到“${text}”`);
  }
  return jobs;
}

function splitOption(arg: string): [string, string | undefined] {
  const eq = arg.indexOf("=");
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

function stringOption(options: Map<string, string | true>, key: string): string | undefined {
  const value = options.get(key);
  return typeof value === "string" ? value : undefined;
}

function allowOnly(options: Map<string, string | true>, allowed: string[], command: string): void {
  for (const key of options.keys()) {
    if (!allowed.includes(key)) throw new UsageError(`${command} 不支持选项 ${key}`);
  }
}
