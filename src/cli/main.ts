import { getProfile } from "../core/profiles";
import type { Profile } from "../core/profiles/schema";
import { parseArgs, UsageError, USAGE, type Command } from "./args";
import { pathExists } from "./new-file";
import { checkInputs, defaultJobs, toJson } from "./check";
import { formatCsv } from "./format-csv";
import { formatText } from "./format-text";
import { ProgressLine } from "./progress";
import { isReportFile, reportRefusal, writeReport } from "./report";
import { visible } from "./visible";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour only on a terminal. */
  colour: boolean;
  /** Where the progress line goes: set only when stderr is a terminal. */
  progress?: (text: string) => void;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  progress: process.stderr.isTTY ? (text) => process.stderr.write(text) : undefined,
};

/** Runs `perf-eval` and returns its exit code; never throws (a stack trace is never shown). */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`perf-eval：${visible(error.message)}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  try {
    return await run(command, io);
  } catch (error) {
    io.stderr(`perf-eval：${visible(oneLine(error))}\n`);
    return 2;
  }
}

async function run(command: Command, io: CliIo): Promise<number> {
  switch (command.name) {
    case "help":
      io.stdout(`${USAGE}\n`);
      return 0;
    case "version":
      io.stdout(`${packageVersion()}\n`);
      return 0;
    case "check":
      return checkCommand(command, io);
    case "annotate": {
      // Loaded on demand, like template: check never needs the annotating writer.
      const { annotateCommand } = await import("./annotate");
      const outcome = await annotateCommand(command);
      if (outcome.stdout) io.stdout(`${outcome.stdout}\n`);
      if (outcome.stderr) io.stderr(`perf-eval：${visible(outcome.stderr)}\n`);
      return outcome.code;
    }
    case "template": {
      // Loaded on demand: the template writer brings exceljs (~175 ms), which check never needs.
      const { writeTemplateFile } = await import("./template");
      await writeTemplateFile(command);
      io.stdout(`已生成模板 ${visible(command.output)}\n`);
      return 0;
    }
  }
}

async function checkCommand(command: Extract<Command, { name: "check" }>, io: CliIo) {
  const profile = loadProfile(command.profile);
  const { report } = command;
  if (report !== undefined) {
    const refusal = reportRefusal(report, command.force, pathExists(report));
    if (refusal) {
      io.stderr(`perf-eval：${visible(refusal)}\n`);
      return 2;
    }
  }
  const progress = io.progress ? new ProgressLine(io.progress) : undefined;
  const result = await checkInputs(command.inputs, profile, {
    jobs: command.jobs ?? defaultJobs(),
    facts: report !== undefined,
    onFile: progress && ((file, done, total) => progress.file(file, done, total)),
    skip: report === undefined ? undefined : isReportFile(report),
  });
  progress?.clear();
  if (command.format === "json") io.stdout(`${toJson(result)}\n`);
  else if (command.format === "csv") io.stdout(formatCsv(result, profile));
  else io.stdout(formatText(result, io.colour, profile));
  if (report === undefined) return result.exitCode;
  const problem = await writeReport(report, result, profile, command.force);
  if (problem) {
    io.stderr(`perf-eval：${visible(problem)}\n`);
    return 2;
  }
  // Text goes on stdout with the report; JSON and CSV keep stdout to themselves.
  const written = `已写入汇总 ${visible(report)}\n`;
  if (command.format === "text") io.stdout(written);
  else io.stderr(`perf-eval：${written}`);
  return result.exitCode;
}

/**
 * Our own errors are one Chinese sentence, which may quote a file name holding a line break (shown
 * escaped); anything else is a bug, of which the first line is enough.
 */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /[\u4e00-\u9fff]/.test(message) ? message : message.split("\n")[0];
}

function loadProfile(name: string): Profile {
  return getProfile(name);
}

function packageVersion(): string {
  // The compiled file lives in dist/node/cli; package.json is three levels up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../../../package.json") as { version: string }).version;
}
