/**
 * The reader reads a cell's number, shared string index, r="" and s="" in place from the XML when
 * they are plain digits, and only otherwise through a string (parseFloat, Number, entities). These
 * tests hold both ways to the same values: random number texts and indexes against parseFloat and
 * Number themselves, entities and odd spellings, and start tags written every way XML allows.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GridCell } from "../../../src/core/grid";
import { readXlsxBuffer as readWithZlib } from "../../../src/hosts/xlsx/read";
import { readXlsxBuffer } from "../../../src/hosts/xlsx/read-buffer";
import { XmlTokens } from "../../../src/hosts/xlsx/xml-tokens";
import { xlsxPackage, type PackageSpec } from "./xlsx-parts";

const xmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** Each text in column A of its own row, as <v>; the cells read back, by row. */
async function readColumn(
  texts: readonly string[],
  cell: (v: string, row: number) => string,
  spec: Partial<PackageSpec> = {},
): Promise<Array<GridCell | undefined>> {
  const rows = texts.map((text, i) => `<row r="${i + 1}">${cell(text, i + 1)}</row>`).join("");
  const bytes = xlsxPackage({ sheets: [{ name: "表", rows }], ...spec });
  const grid = await readXlsxBuffer(bytes);
  // The command line's reader (zlib) reads the same.
  expect(await readWithZlib(bytes)).toEqual(grid);
  const sheet = grid.sheets[0];
  return texts.map((_, i) => sheet.cell(i + 1, 1));
}

/** Digit strings of every length up to `max`, long ones as often as short ones. */
const digits = (max: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), maxLength: max, size: "max" });

/** Texts a number cell may hold: plain decimals of every length, and what parseFloat must judge. */
const numberText = fc.oneof(
  fc
    .tuple(fc.constantFrom("", "-", "+"), digits(20), fc.constantFrom("", "."), digits(20))
    .map(([sign, whole, point, fraction]) => `${sign}${whole}${point}${fraction}`),
  fc
    .tuple(fc.double({ noNaN: true }), fc.constantFrom("", " ", "e", "E+2", "x", "0"))
    .map(([n, tail]) => `${n}${tail}`),
  fc.constantFrom("", " 1", "1 ", ".5", "-.5", "1.", "-0", "0.0", "1e999", "#DIV/0!", "Infinity"),
);

describe("number cells", () => {
  it("read as parseFloat reads their text, for every text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(numberText, { minLength: 1, maxLength: 60 }), async (texts) => {
        const cells = await readColumn(
          texts,
          (v, row) => `<c r="A${row}"><v>${xmlText(v)}</v></c>`,
        );
        texts.forEach((text, i) => {
          const cell = cells[i];
          if (text === "") {
            expect(cell, "an empty <v> is no value").toBeUndefined();
            return;
          }
          const number = parseFloat(text);
          if (Number.isFinite(number)) {
            expect(Object.is(cell?.value, number), `${text} → ${String(cell?.value)}`).toBe(true);
          } else {
            expect(cell?.value, text).toEqual({ error: "#NUM!" });
          }
        });
      }),
      { numRuns: 25, seed: 20261130 },
    );
  });

  it("read as parseFloat reads them at the edge of exact digits (14 to 17)", async () => {
    // A fixed pseudo-random sweep: a 16-digit mantissa is past 2^53 about one time in three.
    let seed = 20261130;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const texts = Array.from({ length: 2000 }, (_, i) => {
      const length = 14 + (i % 4);
      let text = "";
      for (let d = 0; d < length; d++) text += Math.floor(random() * 10);
      const point = Math.floor(random() * length);
      const sign = random() < 0.3 ? "-" : "";
      return point === 0 ? sign + text : `${sign}${text.slice(0, point)}.${text.slice(point)}`;
    });
    const cells = await readColumn(texts, (v, row) => `<c r="A${row}"><v>${v}</v></c>`);
    const wrong = texts.filter((text, i) => !Object.is(cells[i]?.value, parseFloat(text)));
    expect(wrong).toEqual([]);
  });

  it("read as dates in a date format, through the same serial", async () => {
    const texts = ["45291", "45291.5", "-1", "0.25", "45291.999988426", "1e1", "&#52;5291"];
    const cells = await readColumn(texts, (v, row) => `<c r="A${row}" s="1"><v>${v}</v></c>`, {
      numFmts: { 164: "yyyy-mm-dd" },
      cellXfs: [0, 164],
    });
    texts.forEach((text, i) => {
      const serial = parseFloat(text.replace("&#52;", "4"));
      const expected = new Date(Math.round((serial - 25569) * 86_400_000));
      expect(cells[i]?.value, text).toEqual(expected);
    });
  });
});

describe("shared string cells", () => {
  const strings = Array.from({ length: 12 }, (_, i) => `文本${i}`);
  const indexText = fc.oneof(
    digits(12),
    fc.nat({ max: 15 }).map(String),
    fc.constantFrom(
      "007",
      "1.0",
      " 2",
      "3 ",
      "1e1",
      "0x1",
      "-0",
      "+4",
      "5.5",
      "",
      "&#49;",
      "1&#48;",
    ),
  );

  it("read the string Number() makes of their index, or nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(indexText, { minLength: 1, maxLength: 40 }), async (texts) => {
        const cells = await readColumn(texts, (v, row) => `<c r="A${row}" t="s"><v>${v}</v></c>`, {
          strings: strings.map((s) => `<si><t>${s}</t></si>`),
        });
        texts.forEach((text, i) => {
          const index = Number(
            text.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(+n)),
          );
          const expected = Number.isInteger(index) ? strings[index] : undefined;
          expect(cells[i]?.value, `“${text}”`).toBe(expected);
        });
      }),
      { numRuns: 25, seed: 20261130 },
    );
  });
});

describe("references and formats written with entities or odd spellings", () => {
  it('r="" and s="" with character references or leading zeros read as written plainly', async () => {
    const rows =
      '<row r="&#50;"><c r="&#66;&#50;" s="&#49;"><v>0.5</v></c><c s="01"><v>0.25</v></c></row>' +
      '<row r="0003"><c r="$D$3" s="1"><v>1</v></c><c><v>2</v></c></row>';
    const grid = await readXlsxBuffer(
      xlsxPackage({ sheets: [{ name: "表", rows }], cellXfs: [0, 10] }),
    );
    const sheet = grid.sheets[0];
    expect(sheet.cell(2, 2)).toEqual({ value: 0.5, text: "50.00%", numFmt: "0.00%" });
    expect(sheet.cell(2, 3)).toEqual({ value: 0.25, text: "25.00%", numFmt: "0.00%" });
    expect(sheet.cell(3, 4)).toEqual({ value: 1, text: "100.00%", numFmt: "0.00%" });
    expect(sheet.cell(3, 5)).toEqual({ value: 2, text: "2" });
  });

  it("merges written with entities or as one cell", async () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>';
    const after =
      '<mergeCells><mergeCell ref="A&#49;:B1"/><mergeCell ref="C2"/><mergeCell ref="D1:E1:F1"/></mergeCells>';
    const grid = await readXlsxBuffer(xlsxPackage({ sheets: [{ name: "表", rows, after }] }));
    const sheet = grid.sheets[0];
    expect(sheet.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 2, left: 3, bottom: 2, right: 3 },
      { top: 1, left: 4, bottom: 1, right: 5 },
    ]);
    expect(sheet.cell(1, 2)).toBeUndefined(); // covered by A1:B1
    expect(sheet.mergeAt(1, 2)).toEqual(sheet.merges[0]);
    expect(sheet.mergeAt(1, 6)).toBeUndefined();
  });
});

describe("XmlTokens start tags", () => {
  /** Every attribute asked for on the first start tag of `xml`, and where the tag ends. */
  function firstTag(xml: string, names: string[]) {
    const tokens = new XmlTokens(xml);
    tokens.next();
    const attrs = Object.fromEntries(names.map((name) => [name, tokens.attr(name)]));
    const next = tokens.next();
    return { attrs, selfClosing: tokens.selfClosing, end: tokens.tagEnd, next, name: tokens.name };
  }

  it.each([
    // Well formed, every way XML allows.
    [`<c a="1" b='2'>x</c>`, { a: "1", b: "2" }],
    [`<c a = "1"\tb\n=\n'2'/>`, { a: "1", b: "2" }],
    [`<c a="1"b="2" >`, { a: "1", b: "2" }],
    [`<c a="x>y" b="&lt;&#x4E2D;">`, { a: "x>y", b: "<中" }],
    [`<c x:a="1" a="2">`, { a: "2" }],
    [`<c a="it's" b='say "hi"'/>`, { a: "it's", b: 'say "hi"' }],
    // Not well formed: the attributes up to the fault, as before.
    [`<c a="1" ="2" b="3">`, { a: "1", b: undefined }],
    [`<c a="1" b c="3">`, { a: "1", b: undefined, c: undefined }],
    [`<c/ a="1">`, { a: "1" }],
    [`<c a="1"/ b="2">`, { a: "1", b: undefined }],
  ])("%s", (xml, expected) => {
    const tag = firstTag(`${xml}<z/>`, Object.keys(expected));
    expect(tag.attrs).toEqual(expected);
    // The tag ends at the first ">" outside quotes.
    let end = 0;
    for (let quote = ""; end < xml.length; end++) {
      const char = xml[end];
      if (quote) {
        if (char === quote) quote = "";
      } else if (char === '"' || char === "'") quote = char;
      else if (char === ">") break;
    }
    const tokens = new XmlTokens(`${xml}<z/>`);
    tokens.next();
    expect(tokens.tagEnd).toBe(end + 1);
    expect(tokens.selfClosing).toBe(xml[end - 1] === "/");
  });

  it("an unterminated tag or attribute is still a syntax error", () => {
    for (const xml of [`<c a="1`, `<c a="1" b`, `<c a="1" <d>`]) {
      const tokens = new XmlTokens(xml);
      expect(() => tokens.next(), xml).toThrow();
    }
  });
});
