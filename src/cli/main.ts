import { realpathSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { getProfile } from "../core/profiles";
import type { Profile } from "../core/profiles/schema";
import { annotateXlsx } from "../hosts/xlsx/annotate";
import { parseArgs, UsageError, USAGE, type Command } from "./args";
import { checkInputs, toJson } from "./check";
import { formatText } from "./format-text";
import { writeTemplateFile } from "./template";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour only on a terminal. */
  colour: boolean;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

/** Runs `perf-eval` and returns its exit code; never throws (a stack trace is never shown). */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`perf-eval：${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  try {
    return await run(command, io);
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    io.stderr(`perf-eval：${message}\n`);
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
    case "check": {
      const profile = loadProfile(command.profile);
      const result = await checkInputs(command.inputs, profile);
      io.stdout(command.json ? `${toJson(result)}\n` : formatText(result, io.colour, profile));
      return result.exitCode;
    }
    case "annotate": {
      if (sameFile(command.input, command.output)) {
        io.stderr("perf-eval：输出文件不能与输入文件相同（annotate 从不改动输入文件）\n");
        return 2;
      }
      if (isDirectory(command.input)) {
        io.stderr(`perf-eval：“${command.input}”是文件夹，annotate 需要一个 .xlsx 工作簿\n`);
        return 2;
      }
      const profile = loadProfile(command.profile);
      const result = await checkInputs([command.input], profile);
      const file = result.files[0];
      if (!file || file.unreadable) {
        io.stderr(`perf-eval：${file?.findings[0]?.message ?? "无法读取输入文件"}\n`);
        return 2;
      }
      const findings = [...file.findings, ...file.forms.flatMap((form) => form.findings)];
      let marked: number;
      try {
        ({ marked } = await annotateXlsx(command.input, command.output, findings));
      } catch (error) {
        io.stderr(
          `perf-eval：无法写入“${command.output}”（${writeReason(error)}），请检查路径和权限\n`,
        );
        return 2;
      }
      io.stdout(
        `已写入 ${command.output}：标注 ${marked} 个单元格，共 ${findings.length} 条问题\n`,
      );
      return result.exitCode;
    }
    case "template": {
      await writeTemplateFile(command);
      io.stdout(`已生成模板 ${command.output}\n`);
      return 0;
    }
  }
}

/** Same path, or (when the output exists) the same file reached another way (link, case). */
function sameFile(input: string, output: string): boolean {
  if (resolve(input) === resolve(output)) return true;
  try {
    return realpathSync(input) === realpathSync(output);
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function writeReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "文件夹不存在";
  if (code === "EACCES" || code === "EPERM") return "没有写入权限";
  if (code === "EISDIR") return "这是一个文件夹";
  if (code === "EBUSY") return "文件被其他程序占用";
  return error instanceof Error ? error.message.split("\n")[0] : String(error);
}

function loadProfile(name: string): Profile {
  return getProfile(name);
}

function packageVersion(): string {
  // The compiled file lives in dist/node/cli; package.json is three levels up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../../../package.json") as { version: string }).version;
}
