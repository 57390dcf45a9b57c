import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll } from "vitest";
import { main } from "../../src/cli/main";
import {
  layoutForm,
  type FormData,
  type LayoutOptions,
  type PlacedForm,
} from "../../scripts/fixture-layouts.mjs";
export { seedForm } from "../support/seed-fixtures";

/** Shared helpers for the CLI end-to-end tests: run `main`, build workbooks in temp dirs. */

export const FIXTURES = path.resolve(__dirname, "..", "fixtures");
export const fixture = (name: string) => path.join(FIXTURES, name);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], colour = false): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    colour,
  });
  return { code, stdout, stderr };
}

/** `check --json` output, parsed. */
export interface JsonReport {
  files: Array<{
    file: string;
    forms: Array<{
      sheet: string;
      range: string;
      projectName: string;
      execution: { rate: number | null; score: number | null };
      total: { printed: number | null; computed: number | null };
      grade: string | null;
      findings: JsonFinding[];
    }>;
    findings: JsonFinding[];
  }>;
}

export interface JsonFinding {
  rule: string;
  severity: "error" | "warning" | "info";
  sheet: string;
  cell: string;
  message: string;
  expected?: string;
  actual?: string;
}

export async function checkJson(args: string[]): Promise<{ run: CliRun; report: JsonReport }> {
  const run = await runCli(["check", "--json", ...args]);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

/** Every finding of a file, form findings and file-level ones. */
export function allFindings(file: JsonReport["files"][number]): JsonFinding[] {
  return [...file.findings, ...file.forms.flatMap((form) => form.findings)];
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp directory, removed after the test file. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "perf-eval-cli-"));
  tempDirs.push(dir);
  return dir;
}

export interface SheetSpec {
  name: string;
  forms?: Array<{ form: FormData; options?: LayoutOptions }>;
  hidden?: boolean;
  /** Extra edits after the forms are laid out (placed forms in order). */
  edit?: (ws: ExcelJS.Worksheet, placed: PlacedForm[]) => void;
}

/** Writes a workbook with seed forms laid out by the fixture generator; returns where they went. */
export async function writeWorkbook(
  file: string,
  sheets: SheetSpec[],
): Promise<Record<string, PlacedForm[]>> {
  const workbook = new ExcelJS.Workbook();
  const placedBySheet: Record<string, PlacedForm[]> = {};
  for (const spec of sheets) {
    const ws = workbook.addWorksheet(spec.name);
    if (spec.hidden) ws.state = "hidden";
    let row = 1;
    const placed: PlacedForm[] = [];
    for (const { form, options } of spec.forms ?? []) {
      const p = layoutForm(ws, form, { origin: `A${row}`, ...options });
      placed.push(p);
      row = p.lastRow + 2;
    }
    spec.edit?.(ws, placed);
    placedBySheet[spec.name] = placed;
  }
  await workbook.xlsx.writeFile(file);
  return placedBySheet;
}

/** No line of a JavaScript stack trace ("    at fn (file:1:2)"). */
export const STACK_LINE = /^\s+at\s/m;

export const HAN = /[\u4e00-\u9fff]/;
