import { statSync } from "node:fs";
import { basename, extname } from "node:path";
import { allFindings } from "../core/file-report";
import { getProfile } from "../core/profiles";
import { AnnotateError, annotateXlsx } from "../hosts/xlsx/annotate";
import type { Command } from "./args";
import { checkInputs } from "./check";
import { OutputExistsError, pathExists, writeNewFile, writeReason } from "./new-file";
import { sameFile } from "./same-file";
import { visible } from "./visible";

/**
 * What `perf-eval annotate` says: stdout on success (lines whose quoted names are already made
 * visible), one stderr line on refusal.
 */
export interface AnnotateOutcome {
  code: number;
  stdout?: string;
  stderr?: string;
}

/**
 * `perf-eval annotate <in.xlsx> <out.xlsx> [--force]` (product.md §3): writes a marked copy. The
 * input is never written (compared by file identity, not path); an existing output is kept unless
 * `--force`; a failed write leaves no output behind.
 */
export async function annotateCommand(
  command: Extract<Command, { name: "annotate" }>,
): Promise<AnnotateOutcome> {
  const { input, output } = command;
  const refuse = (stderr: string): AnnotateOutcome => ({ code: 2, stderr });
  if (extname(output).toLowerCase() !== ".xlsx") {
    return refuse(
      `输出文件“${basename(output)}”应以 .xlsx 结尾（annotate 写出的是 .xlsx 工作簿），请换一个文件名`,
    );
  }
  if (sameFile(input, output)) {
    return refuse("输出文件不能与输入文件相同（annotate 从不改动输入文件）");
  }
  // Said before the (possibly long) check; the write itself refuses too, should the name be taken
  // in the meantime.
  if (!command.force && pathExists(output)) return refuse(existsMessage(output));
  if (isDirectory(input)) {
    return refuse(`“${input}”是文件夹，annotate 需要一个 .xlsx 工作簿`);
  }
  const profile = getProfile(command.profile);
  const result = await checkInputs([input], profile);
  const file = result.files[0];
  if (!file || file.unreadable) return refuse(file?.findings[0]?.message ?? "无法读取输入文件");
  const findings = allFindings(file);
  let marked: number;
  let notKept: readonly string[];
  try {
    ({ marked, notKept } = await writeNewFile(output, { replace: command.force }, (temp) =>
      annotateXlsx(input, temp, findings),
    ));
  } catch (error) {
    if (error instanceof OutputExistsError) return refuse(existsMessage(output));
    // The package could not be edited: its own sentence says what to do (not a path problem).
    if (error instanceof AnnotateError) return refuse(error.message);
    return refuse(`无法写入“${output}”（${writeReason(error)}），请检查路径和权限`);
  }
  const lines = [
    `已写入 ${visible(output)}：标注 ${marked} 个单元格，共 ${findings.length} 条问题`,
  ];
  if (notKept.length > 0) {
    lines.push("注意：标注副本未能保留原文件中的以下内容（原文件本身没有改动）：");
    lines.push(...notKept.map((item) => `  - ${visible(item)}`));
  }
  return { code: result.exitCode, stdout: lines.join("\n") };
}

function existsMessage(output: string): string {
  return `输出文件“${output}”已存在，annotate 不会覆盖已有文件；请换一个文件名，或加 --force 覆盖它`;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
