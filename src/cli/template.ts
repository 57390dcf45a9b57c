import type { Command } from "./args";

/** STUB — implemented by the templates owner: renders the template spec to an xlsx file. */
export async function writeTemplateFile(
  command: Extract<Command, { name: "template" }>,
): Promise<void> {
  void command;
  throw new Error("模板功能尚未实现");
}
