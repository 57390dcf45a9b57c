/**
 * The command line inflates parts with Node's zlib (read.ts), the web checker with fflate
 * (read-buffer.ts). zlib stops at the size the zip directory states, so the reader skips the
 * counting pass for the parts it inflates with it; these tests hold the two readers to the same
 * grid for every real workbook and to the same one-line refusal for every hostile one, including
 * parts the reader never inflates and several faults in one file.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import type { WorkbookGrid } from "../../../src/core/grid";
import { InflatedPastStatedSize } from "../../../src/hosts/xlsx/inflate";
import { FFLATE_INFLATER } from "../../../src/hosts/xlsx/inflate-fflate";
import { ZLIB_INFLATER } from "../../../src/hosts/xlsx/inflate-zlib";
import { readXlsxBuffer as readWithZlib } from "../../../src/hosts/xlsx/read";
import { readXlsxBuffer as readWithFflate } from "../../../src/hosts/xlsx/read-buffer";
import { CORRUPT_MESSAGE } from "../../../src/hosts/xlsx/zip-limits";
import { Prng } from "../../fuzz/prng";
import { mutateWorkbook } from "../../fuzz/xlsx-mutations";
import { deflatedRun, unzipParts, writeZip, type ZipPart } from "./zip-writer";

const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures");
const SAMPLE = path.resolve(__dirname, "..", "..", "..", "samples", "示例-北京丰台2023.xlsx");
const SHEET = "xl/worksheets/sheet1.xml";
const THEME = "xl/theme/theme1.xml";

let parts: ZipPart[];

beforeAll(async () => {
  parts = await unzipParts(fs.readFileSync(path.join(FIXTURES, "shanghai.xlsx")));
  expect(parts.map((p) => p.name)).toEqual(expect.arrayContaining([SHEET, THEME]));
});

/** Every cell, merge and sheet property of a grid, as text to compare. */
function dump(grid: WorkbookGrid): string {
  const lines: string[] = [];
  const show = (value: unknown) =>
    value instanceof Date
      ? `date ${value.toISOString()}`
      : `${typeof value} ${JSON.stringify(value)}`;
  for (const sheet of grid.sheets) {
    lines.push(`sheet ${sheet.name} ${sheet.hidden} ${JSON.stringify(sheet.merges)}`);
    for (const row of sheet.usedRows()) {
      for (const col of sheet.usedCols(row)) {
        const cell = sheet.cell(row, col)!;
        const merge = sheet.mergeAt(row, col);
        lines.push(
          `${row},${col} ${show(cell.value)} ${JSON.stringify([cell.text, cell.numFmt, cell.formula])} ${JSON.stringify(merge)}`,
        );
      }
    }
  }
  return lines.join("\n");
}

/** The part list with `name` replaced (or added at the end). */
function withPart(list: ZipPart[], part: ZipPart): ZipPart[] {
  return list.some((p) => p.name === part.name)
    ? list.map((p) => (p.name === part.name ? part : p))
    : [...list, part];
}

/** Both readers' outcome for the same bytes: the grid's dump or the refusal's message. */
async function outcomes(bytes: Uint8Array): Promise<[string, string]> {
  const outcome = (read: typeof readWithZlib) =>
    read(bytes, "样本.xlsx").then(dump, (error: unknown) => `refused: ${(error as Error).message}`);
  return [await outcome(readWithZlib), await outcome(readWithFflate)];
}

async function sameRefusal(bytes: Uint8Array): Promise<string> {
  const [zlibOutcome, fflateOutcome] = await outcomes(bytes);
  expect(zlibOutcome).toBe(fflateOutcome);
  expect(zlibOutcome.startsWith("refused: “样本.xlsx”：")).toBe(true);
  return zlibOutcome.slice("refused: “样本.xlsx”：".length);
}

const garbage = { bytes: Uint8Array.of(0xff, 0xff, 0xff, 0xff), size: 10, crc: 0 };
const understated = (part: ZipPart): ZipPart => {
  const size = zlib.inflateRawSync(zlib.deflateRawSync(part.data!)).length;
  return { ...part, declaredSize: size - 1 };
};

describe("ZLIB_INFLATER", () => {
  const text = Buffer.from("项目支出绩效自评表 ".repeat(200));
  const deflated = zlib.deflateRawSync(text);

  it("inflates what fflate inflates, and stops one byte past the stated size", () => {
    expect(Buffer.from(ZLIB_INFLATER.inflate(deflated, text.length)).equals(text)).toBe(true);
    expect(Buffer.from(FFLATE_INFLATER.inflate(deflated, text.length)).equals(text)).toBe(true);
    expect(() => ZLIB_INFLATER.inflate(deflated, text.length - 1)).toThrow(InflatedPastStatedSize);
    expect(ZLIB_INFLATER.bounded).toBe(true);
    expect(FFLATE_INFLATER.bounded).toBe(false);
  });

  it("takes a stated size of 0 at its word, and calls garbage damaged, not oversized", () => {
    expect(ZLIB_INFLATER.inflate(zlib.deflateRawSync(Buffer.alloc(0)), 0)).toHaveLength(0);
    expect(() => ZLIB_INFLATER.inflate(zlib.deflateRawSync(Buffer.of(1)), 0)).toThrow(
      InflatedPastStatedSize,
    );
    let error: unknown;
    try {
      ZLIB_INFLATER.inflate(garbage.bytes, 10);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(InflatedPastStatedSize);
  });

  it("stops a 400 MB stream stated as 2 KB", () => {
    const bomb = deflatedRun(400);
    expect(() => ZLIB_INFLATER.inflate(bomb.bytes, 2048)).toThrow(InflatedPastStatedSize);
  });
});

describe("the command line's reader (zlib) and the web checker's (fflate) agree", () => {
  it("on every fixture and the sample, cell by cell", async () => {
    const files = [
      ...fs
        .readdirSync(FIXTURES)
        .filter((f) => f.endsWith(".xlsx"))
        .map((f) => path.join(FIXTURES, f)),
      SAMPLE,
    ];
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const [zlibOutcome, fflateOutcome] = await outcomes(fs.readFileSync(file));
      expect(zlibOutcome, file).toMatch(/^sheet /);
      expect(zlibOutcome, file).toBe(fflateOutcome);
    }
  });

  it("on stored parts and a zip64 directory", async () => {
    for (const bytes of [
      writeZip(parts.map((part) => ({ ...part, stored: true }))),
      writeZip(parts, { zip64: true }),
    ]) {
      const [zlibOutcome, fflateOutcome] = await outcomes(bytes);
      expect(zlibOutcome).toMatch(/^sheet /);
      expect(zlibOutcome).toBe(fflateOutcome);
    }
  });

  it("on a sheet the directory understates by 400 MB or by one byte", async () => {
    const bomb = writeZip(
      withPart(parts, { name: SHEET, deflated: deflatedRun(400), declaredSize: 2048 }),
    );
    expect(await sameRefusal(bomb)).toContain(`部件“${SHEET}”解压后比文件目录记载的 2048 字节更大`);
    const sheet = parts.find((p) => p.name === SHEET)!;
    const byOne = writeZip(withPart(parts, understated(sheet)));
    expect(await sameRefusal(byOne)).toContain(
      `部件“${SHEET}”解压后比文件目录记载的 ${sheet.data!.length - 1} 字节更大`,
    );
  });

  it("on a part the reader never inflates, understated or damaged", async () => {
    const theme = parts.find((p) => p.name === THEME)!;
    expect(await sameRefusal(writeZip(withPart(parts, understated(theme))))).toContain(
      `部件“${THEME}”解压后比文件目录记载的`,
    );
    expect(await sameRefusal(writeZip(withPart(parts, { name: THEME, deflated: garbage })))).toBe(
      CORRUPT_MESSAGE,
    );
  });

  it("on damaged data in the sheet, the styles or the workbook part", async () => {
    for (const name of [SHEET, "xl/styles.xml", "xl/workbook.xml", "_rels/.rels"]) {
      expect(await sameRefusal(writeZip(withPart(parts, { name, deflated: garbage }))), name).toBe(
        CORRUPT_MESSAGE,
      );
    }
  });

  it("on several faults: the first part in the directory's order gives the reason", async () => {
    const theme = understated(parts.find((p) => p.name === THEME)!);
    const damagedSheet: ZipPart = { name: SHEET, deflated: garbage };
    const others = parts.filter((p) => p.name !== THEME && p.name !== SHEET);
    // The understated theme first, then a damaged sheet; and the other way round.
    expect(await sameRefusal(writeZip([theme, damagedSheet, ...others]))).toContain(
      `部件“${THEME}”解压后比文件目录记载的`,
    );
    expect(await sameRefusal(writeZip([damagedSheet, theme, ...others]))).toBe(CORRUPT_MESSAGE);
  });

  it("on a sheet beyond Excel's limits next to an understated part: the zip's fault is told", async () => {
    const sheet = parts.find((p) => p.name === SHEET)!;
    const xml = Buffer.from(sheet.data!)
      .toString("utf8")
      .replace("<sheetData>", '<sheetData><row r="2000000"><c r="A2000000"><v>1</v></c></row>');
    const beyond: ZipPart = { name: SHEET, data: Buffer.from(xml) };
    expect(await sameRefusal(writeZip(withPart(parts, beyond)))).toMatch(/超出了 Excel 的上限/);
    const theme = understated(parts.find((p) => p.name === THEME)!);
    expect(await sameRefusal(writeZip(withPart(withPart(parts, beyond), theme)))).toContain(
      `部件“${THEME}”解压后比文件目录记载的`,
    );
  });

  it("on the fuzz's mutated workbooks (damaged parts, directories, sizes)", async () => {
    const bases = [parts, await unzipParts(fs.readFileSync(path.join(FIXTURES, "offset.xlsx")))];
    const seen = new Set<string>();
    for (let index = 0; index < 200; index++) {
      const rng = Prng.forCase(20261201, index);
      const mutated = mutateWorkbook(rng, rng.pick(bases));
      const [zlibOutcome, fflateOutcome] = await outcomes(mutated.bytes);
      expect(zlibOutcome, mutated.steps.join("; ")).toBe(fflateOutcome);
      seen.add(zlibOutcome.startsWith("refused") ? zlibOutcome.slice(0, 40) : "read");
    }
    // Both ends are reached: workbooks read, and workbooks refused for more than one reason.
    expect(seen.has("read")).toBe(true);
    expect(seen.size).toBeGreaterThan(2);
  });
});
