/**
 * Mutated copies of a workbook for the reader fuzz: XML bytes changed inside the zip parts,
 * attributes set out of range, elements repeated, formulas replaced, parts dropped, duplicated,
 * renamed or emptied, and the re-zipped file itself damaged or cut short. Every step is named so a
 * failing case says what was done to it.
 */
import { writeZip, type ZipPart } from "../hosts/xlsx/zip-writer";
import { formulaText } from "./formula-text";
import type { Prng } from "./prng";

export interface Mutated {
  bytes: Uint8Array;
  steps: string[];
}

type Part = { name: string; data: Uint8Array };

const utf8 = new TextDecoder("utf-8");
const encode = (text: string) => new TextEncoder().encode(text);

function concat(...pieces: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/** Values an attribute should never hold, and some it may (to reach deeper code with odd ones). */
const HOSTILE_VALUES = [
  "",
  "0",
  "-1",
  "1048577",
  "99999999999",
  "4294967296",
  "1e309",
  "NaN",
  "-0",
  "1.5",
  "A0",
  "XFD1048577",
  "ZZZZZ1",
  "A1:XFD1048576",
  "A1048576:XFD1",
  "B2:A1",
  "1:1048576",
  "A:A",
  "A1:A100000",
  "#REF!",
  "'Sheet1'!A1",
  "&amp;",
  "&#0;",
  "&#xD800;",
  "&unknown;",
  'a"b',
  "<",
  "x".repeat(5000),
  "中文",
  "s",
  "str",
  "inlineStr",
  "e",
  "b",
  "d",
  "n",
  "true",
  "hidden",
  "veryHidden",
  "rId999",
  "../../../x.xml",
  "/xl/worksheets/sheet1.xml",
  "A1 B2",
];

const HOSTILE_CELL_TEXT = [
  "",
  "1e309",
  "-1e309",
  "NaN",
  "Infinity",
  "-0",
  "abc",
  "9".repeat(400),
  "0.1.2",
  "1,663.27",
  "99999",
  "-99999",
  "4294967296",
  "#DIV/0!",
  "_x001B_[2J",
  "≥90%",
  "<![CDATA[x]]>",
];

const ELEMENT =
  /<(row|c|sheet|mergeCell|si|xf|col|f|v|Relationship|Override|definedName|font|numFmt)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g;
const ATTRIBUTE = /([\w:]+)="([^"]*)"/g;

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function pickPart(rng: Prng, parts: Part[]): number {
  const roll = rng.next();
  const prefer = (test: (name: string) => boolean) => {
    const found = parts.map((p, i) => (test(p.name) ? i : -1)).filter((i) => i >= 0);
    return found.length > 0 ? rng.pick(found) : rng.int(parts.length);
  };
  if (roll < 0.45) return prefer((n) => n.startsWith("xl/worksheets/sheet"));
  if (roll < 0.55) return prefer((n) => n === "xl/sharedStrings.xml");
  if (roll < 0.65) return prefer((n) => n === "xl/workbook.xml");
  if (roll < 0.72) return prefer((n) => n === "xl/styles.xml");
  if (roll < 0.8) return prefer((n) => n.endsWith(".rels") || n === "[Content_Types].xml");
  return rng.int(parts.length);
}

function matches(text: string, pattern: RegExp, limit = 2000): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m && found.length < limit; m = pattern.exec(text)) found.push(m);
  return found;
}

/** One change to one part; returns what it did, or undefined when it found nothing to change. */
function mutatePart(rng: Prng, part: Part): string | undefined {
  const data = part.data;
  const at = () => rng.int(data.length + 1);
  // Byte-level damage mostly ends in 已损坏 at the XML parser; the well-formed changes (values,
  // repeated elements, formulas) reach form detection, the rules and the evaluator, so they get
  // most of the draws.
  const WEIGHTS = [6, 5, 5, 5, 5, 25, 15, 12, 17, 5];
  let roll = rng.int(WEIGHTS.reduce((a, b) => a + b, 0));
  let kind = 0;
  while (roll >= WEIGHTS[kind]) roll -= WEIGHTS[kind++];
  switch (kind) {
    case 0: {
      const bytes = Uint8Array.from(data);
      const count = rng.between(1, 8);
      for (let i = 0; i < count && bytes.length > 0; i++)
        bytes[rng.int(bytes.length)] = rng.int(256);
      part.data = bytes;
      return `${part.name}: ${count} random bytes`;
    }
    case 1: {
      const bytes = Uint8Array.from(data);
      const chars = encode(`<>&"'=/ ;#x0`);
      for (let i = 0; i < 4 && bytes.length > 0; i++)
        bytes[rng.int(bytes.length)] = rng.pick([...chars]);
      part.data = bytes;
      return `${part.name}: XML characters scattered`;
    }
    case 2: {
      const from = at();
      const length = rng.between(1, rng.chance(0.2) ? 5000 : 200);
      part.data = concat(data.subarray(0, from), data.subarray(from + length));
      return `${part.name}: ${length} bytes cut at ${from}`;
    }
    case 3: {
      const from = at();
      const slice = data.subarray(from, from + rng.between(1, 400));
      const to = at();
      part.data = concat(data.subarray(0, to), slice, data.subarray(to));
      return `${part.name}: ${slice.length} bytes repeated at ${to}`;
    }
    case 4: {
      const cut = at();
      part.data = data.subarray(0, cut);
      return `${part.name}: truncated to ${cut} bytes`;
    }
    case 5: {
      const text = utf8.decode(data);
      const found = matches(text, ATTRIBUTE);
      if (found.length === 0) return undefined;
      const m = rng.pick(found);
      const raw = rng.pick(HOSTILE_VALUES);
      // Mostly escaped, so the XML stays well-formed and the value itself is what is tested.
      const value = rng.chance(0.8) ? escapeXml(raw) : raw;
      const start = m.index + m[1].length + 2;
      part.data = encode(text.slice(0, start) + value + text.slice(start + m[2].length));
      return `${part.name}: ${m[1]}="${m[2].slice(0, 30)}" → "${value.slice(0, 30)}"`;
    }
    case 6: {
      const text = utf8.decode(data);
      const found = matches(text, ELEMENT);
      if (found.length === 0) return undefined;
      const m = rng.pick(found);
      const copies = rng.chance(0.1) ? rng.between(50, 500) : rng.between(1, 3);
      const end = m.index + m[0].length;
      part.data = encode(text.slice(0, end) + m[0].repeat(copies) + text.slice(end));
      return `${part.name}: <${m[1]}> repeated ${copies}×`;
    }
    case 7: {
      const text = utf8.decode(data);
      const found = matches(text, /<v>([^<]*)<\/v>/g);
      if (found.length === 0) return undefined;
      const m = rng.pick(found);
      const value = escapeXml(rng.pick(HOSTILE_CELL_TEXT));
      part.data = encode(
        text.slice(0, m.index) + `<v>${value}</v>` + text.slice(m.index + m[0].length),
      );
      return `${part.name}: <v>${m[1].slice(0, 20)}</v> → <v>${value.slice(0, 20)}</v>`;
    }
    case 8: {
      // A formula without a cached result: the reader's evaluator computes it.
      const text = utf8.decode(data);
      const found = matches(text, /<c\b([^>]*?)(?:\/>|>[\s\S]*?<\/c>)/g);
      if (found.length === 0) return undefined;
      const m = rng.pick(found);
      const formula = formulaText(rng);
      const attrs = m[1].replace(/\s+t="[^"]*"/, "");
      const escaped = escapeXml(formula);
      part.data = encode(
        text.slice(0, m.index) +
          `<c${attrs}><f>${escaped}</f></c>` +
          text.slice(m.index + m[0].length),
      );
      return `${part.name}: formula ${JSON.stringify(formula.slice(0, 80))}`;
    }
    default: {
      // An element renamed, open and close tag both: well-formed XML the reader does not expect.
      const text = utf8.decode(data);
      const found = matches(text, ELEMENT);
      if (found.length === 0) return undefined;
      const m = rng.pick(found);
      const name = rng.pick([
        "x",
        "c",
        "row",
        "sheetData",
        "worksheet",
        "mergeCells",
        "f",
        "v",
        "is",
        "t",
      ]);
      const element = `<${name}${m[0].slice(1 + m[1].length).replace(new RegExp(`</${m[1]}>$`), `</${name}>`)}`;
      part.data = encode(text.slice(0, m.index) + element + text.slice(m.index + m[0].length));
      return `${part.name}: <${m[1]}> renamed <${name}>`;
    }
  }
}

/** One change to the package's parts list. */
function mutatePackage(rng: Prng, parts: Part[]): string {
  const index = pickPart(rng, parts);
  const part = parts[index];
  switch (rng.int(4)) {
    case 0:
      parts.splice(index, 1);
      return `part ${part.name} dropped`;
    case 1:
      parts.splice(rng.int(parts.length + 1), 0, { name: part.name, data: part.data });
      return `part ${part.name} duplicated`;
    case 2: {
      const name = rng.chance(0.5)
        ? part.name.toUpperCase()
        : part.name.replace(/\d+/, (n) => String(Number(n) + 1));
      parts[index] = { name, data: part.data };
      return `part ${part.name} renamed ${name}`;
    }
    default:
      parts[index] = { name: part.name, data: new Uint8Array() };
      return `part ${part.name} emptied`;
  }
}

/** A mutated copy of the workbook whose parts are given (the originals are not changed). */
export function mutateWorkbook(rng: Prng, base: readonly ZipPart[]): Mutated {
  const parts: Part[] = base.map((p) => ({ name: p.name, data: p.data ?? new Uint8Array() }));
  const steps: string[] = [];
  const count = rng.between(1, 3);
  for (let i = 0; i < count; i++) {
    if (rng.chance(0.15)) {
      steps.push(mutatePackage(rng, parts));
    } else {
      const step = mutatePart(rng, parts[pickPart(rng, parts)]);
      if (step) steps.push(step);
    }
  }
  const stored = rng.chance(0.1);
  const zip64 = rng.chance(0.05);
  let bytes: Uint8Array = writeZip(
    parts.map((p) => ({ ...p, stored })),
    { zip64 },
  );
  if (stored || zip64) steps.push(`zipped${stored ? " stored" : ""}${zip64 ? " zip64" : ""}`);
  const damage = rng.next();
  if (damage < 0.08) {
    const cut = rng.int(bytes.length);
    bytes = bytes.subarray(0, cut);
    steps.push(`file truncated to ${cut} bytes`);
  } else if (damage < 0.16) {
    bytes = Uint8Array.from(bytes);
    // Half the time in the directory at the end, where sizes and offsets are.
    const span = rng.chance(0.5) ? Math.min(bytes.length, 400) : bytes.length;
    const count = rng.between(1, 6);
    for (let i = 0; i < count; i++) bytes[bytes.length - 1 - rng.int(span)] = rng.int(256);
    steps.push(`${count} bytes of the zip changed`);
  }
  return { bytes, steps };
}
