import { writeFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import ExcelJS from "exceljs";
import { templateSpec } from "../core/templates";
import { renderTemplate } from "../hosts/xlsx/template";
import type { Command } from "./args";

/**
 * `perf-eval template <out.xlsx>`: renders the chosen blank template into a new workbook. An existing
 * file is never overwritten (the check and the write are one step: the file is opened with "wx").
 */
export async function writeTemplateFile(
  command: Extract<Command, { name: "template" }>,
): Promise<void> {
  if (extname(command.output).toLowerCase() !== ".xlsx") {
    throw new Error(`输出文件“${basename(command.output)}”应以 .xlsx 结尾`);
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "绩效自评助手";
  workbook.created = new Date();
  await renderTemplate(
    workbook,
    templateSpec(command.kind, { year: command.year, unit: command.unit }),
  );
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  try {
    await writeFile(command.output, buffer, { flag: "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === "EEXIST") {
      throw new Error(
        `文件“${command.output}”已存在，模板不会覆盖已有文件，请换一个文件名或先移走原文件`,
        {
          cause: error,
        },
      );
    }
    if (code === "ENOENT") {
      throw new Error(`无法写入“${command.output}”：所在文件夹不存在`, { cause: error });
    }
    if (code === "EACCES" || code === "EPERM") {
      throw new Error(`没有权限写入“${command.output}”，请换一个位置保存`, { cause: error });
    }
    throw new Error(`无法写入“${command.output}”：${(error as Error).message}`, { cause: error });
  }
}
