/**
 * LibreOffice headless as the "real spreadsheet engine" of the template tests: it opens xlsx files
 * written by exceljs (formulas without cached results), recalculates them and saves xlsx (cached
 * values the tests read back with exceljs) or PDF (to check the print layout).
 *
 * Tests skip when soffice is missing on a developer machine, with a message saying how to install
 * it; in CI (`CI` set) they run and fail instead, so CI can never skip them silently.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";

const run = promisify(execFile);

function findCommand(name: string): string | undefined {
  try {
    return (
      execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

export const sofficePath = findCommand("soffice");
export const pdftoppmPath = findCommand("pdftoppm");
export const pdfinfoPath = findCommand("pdfinfo");

export const INSTALL_HINT =
  "apt-get install -y --no-install-recommends libreoffice-calc fonts-noto-cjk poppler-utils";

/** True when the LibreOffice tests must be skipped: tools missing, and not in CI. */
export const skipLibreOffice = !(sofficePath && pdfinfoPath && pdftoppmPath) && !process.env.CI;

if (skipLibreOffice) {
  console.warn(
    `[libreoffice] soffice / poppler-utils not found: skipping the LibreOffice recalculation and ` +
      `print tests. Install them with: ${INSTALL_HINT}`,
  );
}

function requireTool(path: string | undefined, name: string): string {
  if (!path) throw new Error(`${name} not found: CI must install it (${INSTALL_HINT})`);
  return path;
}

/**
 * LibreOffice keeps the cached results of an xlsx by default; "always recalculate" makes it compute
 * every formula on load, as Excel does with fullCalcOnLoad.
 */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const FILTERS = {
  xlsx: "xlsx:Calc MS Excel 2007 XML",
  pdf: "pdf:calc_pdf_Export",
} as const;

/**
 * Converts several files in ONE soffice launch (each launch costs seconds) into `outDir`, with a
 * private profile so parallel runs never share LibreOffice's lock. Returns the output paths, in the
 * order of `files`; input basenames must differ.
 */
export async function convertWithLibreOffice(
  files: readonly string[],
  format: keyof typeof FILTERS,
  outDir: string,
): Promise<string[]> {
  const soffice = requireTool(sofficePath, "soffice");
  const names = files.map((file) => basename(file, extname(file)));
  if (new Set(names).size !== names.length) throw new Error("input basenames must differ");
  const profile = await mkdtemp(join(tmpdir(), "perf-eval-lo-"));
  try {
    await mkdir(join(profile, "user"), { recursive: true });
    await writeFile(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
    await mkdir(outDir, { recursive: true });
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--calc",
        "--norestore",
        "--convert-to",
        FILTERS[format],
        "--outdir",
        outDir,
        ...files,
      ],
      { timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return names.map((name) => join(outDir, `${name}.${format}`));
}

/**
 * A cell's value as LibreOffice computed it: the cached result of a formula, else the value.
 * exceljs drops a falsy result (0, false) from `cell.value` when it copies the formula model
 * (exceljs issue #2943), so the result is read from `cell.model`.
 */
export function cachedValue(cell: ExcelJS.Cell): unknown {
  if (cell.type === ExcelJS.ValueType.Formula) {
    return (cell.model as { result?: unknown }).result;
  }
  return cell.value;
}

export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** `pdfinfo` facts: page count and the size of every page in points. */
export async function pdfPages(
  path: string,
): Promise<{ pages: number; sizes: Array<{ width: number; height: number }> }> {
  const pdfinfo = requireTool(pdfinfoPath, "pdfinfo");
  const { stdout } = await run(pdfinfo, ["-f", "1", "-l", "999", path]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? NaN);
  const sizes = [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
  return { pages, sizes };
}

/** The text of one PDF page (poppler's pdftotext sits beside pdfinfo). */
export async function pdfPageText(path: string, page: number): Promise<string> {
  const pdfinfo = requireTool(pdfinfoPath, "pdfinfo");
  const pdftotext = join(pdfinfo, "..", "pdftotext");
  const { stdout } = await run(pdftotext, ["-f", String(page), "-l", String(page), path, "-"]);
  return stdout;
}
