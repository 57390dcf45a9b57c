/**
 * Zip bombs are refused from the zip directory before anything is inflated (issue 11, item 6):
 * each limit, a directory that understates a part, zip64 directories, and broken directories, all
 * as one Chinese line from readXlsxBuffer, the reader of the command line and the web checker.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { national } from "../../../src/core/profiles";
import { checkFiles, type WorkbookFile } from "../../../src/hosts/web/check-files";
import { annotateXlsxBytes } from "../../../src/hosts/xlsx/annotate-package";
import { readXlsxBuffer, WorkbookReadError } from "../../../src/hosts/xlsx/read-buffer";
import { CORRUPT_MESSAGE, ZIP_LIMITS, zipRefusal } from "../../../src/hosts/xlsx/zip-limits";
import { deflatedRun, unzipParts, writeZip, type ZipPart } from "./zip-writer";

const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures");
const SAMPLE = path.resolve(__dirname, "..", "..", "..", "samples", "示例-北京丰台2023.xlsx");
const SHEET = "xl/worksheets/sheet1.xml";
const MB = 1024 * 1024;
const HAN = /[\u4e00-\u9fff]/;

let shanghai: Buffer;
let parts: ZipPart[];

/** The shanghai fixture's parts with sheet1.xml replaced. */
function withSheet(sheet: Partial<ZipPart>): ZipPart[] {
  return parts.map((part) => (part.name === SHEET ? { name: SHEET, ...sheet } : part));
}

/** A sheet1.xml that is valid XML around `megabytes` MiB of spaces. */
function spaceSheet(megabytes: number) {
  return deflatedRun(
    megabytes,
    0x20,
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ),
    Buffer.from("</sheetData></worksheet>"),
  );
}

/** readXlsxBuffer's refusal, which must be a one-line WorkbookReadError naming the file. */
async function refusal(bytes: Uint8Array, name = "炸弹.xlsx"): Promise<string> {
  const error = await readXlsxBuffer(bytes, name).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbookReadError);
  const message = (error as Error).message;
  expect(message.startsWith(`“${name}”：`)).toBe(true);
  expect(message).toMatch(HAN);
  // eslint-disable-next-line no-control-regex
  expect(message).not.toMatch(/[\u0000-\u001f\u007f]/);
  return message;
}

beforeAll(async () => {
  shanghai = fs.readFileSync(path.join(FIXTURES, "shanghai.xlsx"));
  parts = await unzipParts(shanghai);
  expect(parts.map((p) => p.name)).toContain(SHEET);
});

describe("zipRefusal: real workbooks pass", () => {
  it("accepts the fixtures and the sample as written by Excel, WPS and exceljs", () => {
    for (const file of ["shanghai.xlsx", "beijing.xlsx", "offset.xlsx"]) {
      expect(zipRefusal(fs.readFileSync(path.join(FIXTURES, file))), file).toBeUndefined();
    }
    expect(zipRefusal(fs.readFileSync(SAMPLE))).toBeUndefined();
  });

  it("reads the same workbook rewritten with stored parts and with a zip64 directory", async () => {
    const original = await readXlsxBuffer(shanghai);
    for (const bytes of [
      writeZip(parts.map((part) => ({ ...part, stored: true }))),
      writeZip(parts, { zip64: true }),
    ]) {
      expect(zipRefusal(bytes)).toBeUndefined();
      const grid = await readXlsxBuffer(bytes);
      expect(grid.sheets.map((s) => s.name)).toEqual(original.sheets.map((s) => s.name));
    }
  });
});

describe("zipRefusal: bombs are refused before inflating", () => {
  it("a 400 MB sheet in a small file: the total limit, one Chinese line", async () => {
    const sheet = spaceSheet(400);
    const bytes = writeZip(withSheet({ deflated: sheet }));
    expect(bytes.length).toBeLessThan(MB);
    const message = await refusal(bytes);
    expect(message).toMatch(/解压后共有 400 MB，超过 100 MB 的上限/);
    expect(message).toMatch(/请确认文件来源/);
  });

  it("annotate refuses it too, even called without a check first", async () => {
    const bytes = writeZip(withSheet({ deflated: spaceSheet(400), declaredSize: 2048 }));
    expect(() => annotateXlsxBytes(bytes, [])).toThrow(
      expect.objectContaining({
        name: "AnnotateError",
        message: expect.stringMatching(/压缩炸弹|解压后|已拒绝读取/),
      }),
    );
  });

  it("one part over the part limit while the total is within it", async () => {
    const size = ZIP_LIMITS.partBytes / MB + 6;
    expect(size * MB).toBeLessThan(ZIP_LIMITS.totalBytes);
    const message = await refusal(writeZip(withSheet({ deflated: spaceSheet(size) })));
    expect(message).toContain(`部件“${SHEET}”解压后有 ${size} MB，超过单个部件 64 MB 的上限`);
  });

  it("a part that only a bomb compresses this well: the ratio limit", async () => {
    // Nothing but spaces: zlib's best, about 1010 : 1.
    const sheet = deflatedRun(ZIP_LIMITS.ratioFloorBytes / MB + 2);
    expect(sheet.size / sheet.bytes.length).toBeGreaterThan(ZIP_LIMITS.ratio);
    const message = await refusal(writeZip(withSheet({ deflated: sheet })));
    expect(message).toMatch(/“xl\/worksheets\/sheet1\.xml”压缩比异常（10\d\d : 1/);
  });

  it("the total limit adds up the parts (two sheets just under the part limit)", async () => {
    const big = spaceSheet(60);
    const bytes = writeZip([
      ...withSheet({ deflated: big }),
      { name: "xl/extra.xml", deflated: big },
    ]);
    expect(await refusal(bytes)).toMatch(/解压后共有 120 MB/);
  });

  it("a zip64 directory stating gigabytes", async () => {
    const bytes = writeZip(withSheet({ deflated: spaceSheet(1), declaredSize: 5 * 1024 * MB }), {
      zip64: true,
    });
    expect(await refusal(bytes)).toMatch(/解压后共有 512\d MB/);
  });

  it("too many parts", async () => {
    const many: ZipPart[] = [...parts];
    for (let i = 0; many.length <= ZIP_LIMITS.entries; i++) {
      many.push({ name: `x/${i}`, data: new Uint8Array(0), stored: true });
    }
    expect(await refusal(writeZip(many))).toMatch(/包含 10001 个部件，超过 10000 个的上限/);
  });

  it("a directory that understates a part: counted, not inflated, and refused", async () => {
    // Stated as 2 KB (under every limit); really 400 MB. JSZip would inflate it all first.
    const bytes = writeZip(withSheet({ deflated: spaceSheet(400), declaredSize: 2048 }));
    const message = await refusal(bytes);
    expect(message).toContain(`部件“${SHEET}”解压后比文件目录记载的 2048 字节更大`);
    expect(message).toMatch(/已损坏或被篡改/);
  });

  it("a part name with control characters is shown without them", async () => {
    const bytes = writeZip([
      ...parts,
      { name: "xl/\u001b[2J\nsheet.xml", deflated: spaceSheet(70) },
    ]);
    const message = await refusal(bytes);
    expect(message).toContain("“xl/?[2J?sheet.xml”");
  });
});

describe("zipRefusal: broken directories are 已损坏, never a crash", () => {
  const corrupt = `“坏.xlsx”：${CORRUPT_MESSAGE}`;
  const cases: Array<[string, () => Buffer]> = [
    ["no end record (cut short)", () => shanghai.subarray(0, shanghai.length - 30)],
    ["cut inside the data", () => shanghai.subarray(0, shanghai.length >> 1)],
    [
      "directory offset past the end",
      () => {
        const bytes = Buffer.from(writeZip(parts));
        bytes.writeUInt32LE(bytes.length, bytes.length - 6);
        return bytes;
      },
    ],
    [
      "more entries stated than the directory holds",
      () => {
        const bytes = Buffer.from(writeZip(parts));
        bytes.writeUInt16LE(parts.length + 1, bytes.length - 12);
        bytes.writeUInt16LE(parts.length + 1, bytes.length - 14);
        return bytes;
      },
    ],
    [
      "a part's data runs past the end of the file",
      () => writeZip(withSheet({ deflated: spaceSheet(1), declaredCompressedSize: 50 * MB })),
    ],
    [
      "an entry points at no local header",
      () => {
        const bytes = Buffer.from(writeZip(parts));
        // The second part's local header (the first one's signature is how a zip is recognised).
        bytes.writeUInt32LE(0, bytes.indexOf(Buffer.of(0x50, 0x4b, 0x03, 0x04), 4));
        return bytes;
      },
    ],
    [
      "a part's deflate data is garbage",
      () => {
        const garbage = { bytes: Uint8Array.of(0xff, 0xff, 0xff, 0xff), size: 10, crc: 0 };
        return writeZip(withSheet({ deflated: garbage }));
      },
    ],
  ];
  it.each(cases)("%s", async (_, make) => {
    const bytes = make();
    expect(zipRefusal(bytes)).toBe(CORRUPT_MESSAGE);
    expect(await refusal(bytes, "坏.xlsx")).toBe(corrupt);
  });
});

describe("the web checker inherits the limits", () => {
  function fileOf(name: string, bytes: Uint8Array): WorkbookFile {
    return { name, arrayBuffer: async () => new Uint8Array(bytes).buffer };
  }

  it("a bomb is one unreadable report and the next file is still checked", async () => {
    const bomb = writeZip(withSheet({ deflated: spaceSheet(400), declaredSize: 2048 }));
    const reports = await checkFiles(
      [fileOf("炸弹.xlsx", bomb), fileOf("shanghai.xlsx", shanghai)],
      national,
    );
    expect(reports[0].unreadable).toBe(true);
    expect(reports[0].findings).toHaveLength(1);
    expect(reports[0].findings[0].message).toMatch(/^“炸弹\.xlsx”：.*已损坏或被篡改/);
    expect(reports[0].findings[0].message).not.toContain("\n");
    expect(reports[1].unreadable).toBeUndefined();
    expect(reports[1].forms).toHaveLength(30);
  });
});
