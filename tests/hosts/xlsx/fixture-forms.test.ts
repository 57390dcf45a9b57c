import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { detectForms, type Field, type Form } from "../../../src/core/forms";
import { readXlsxBuffer, readXlsxFile } from "../../../src/hosts/xlsx/read";
import {
  layoutForm,
  loadSeedForms,
  type FormData,
  type LayoutOptions,
  type PlacedForm,
} from "../../../scripts/fixture-layouts.mjs";

/**
 * End to end over the transcribed seed forms: lay them out with the fixture generator (several
 * layouts, offsets and label spellings, stacked on one sheet), write a real .xlsx, read it back and
 * detect. Every field the layout placed must be found at its address with the text as printed.
 */
const seeds = loadSeedForms("tests/fixtures/forms");

function fieldAt(form: Form, path: string): Field | undefined {
  if (path === "title") return form.title;
  if (path === "grade") return form.grade?.value;
  const indicator = /^indicators\[(\d+)\]\.(\w+)$/.exec(path);
  if (indicator) {
    const row = form.indicators?.rows[Number(indicator[1])];
    return row?.[indicator[2] as "name" | "target" | "actual" | "weight" | "score" | "explanation"];
  }
  const [head, a, b] = path.split(".");
  if (head === "funds") {
    const rows = form.funds as unknown as Record<string, Record<string, Field>> | undefined;
    return rows?.[a]?.[b];
  }
  if (head === "goals") return form.goals?.[a as "expected" | "actual"];
  if (head === "total") return form.total?.[a as "label" | "weight" | "score"];
  return (form as unknown as Record<string, Field | undefined>)[head];
}

function printed(data: FormData, path: string): string {
  if (path === "title") return data.title;
  if (path === "total.label") return "总分";
  if (path === "grade") return data.grade ?? "";
  const indicator = /^indicators\[(\d+)\]\.(\w+)$/.exec(path);
  if (indicator) {
    return (data.indicators[Number(indicator[1])] as Record<string, string>)[indicator[2]] ?? "";
  }
  const [head, a, b] = path.split(".");
  if (head === "funds") {
    if (b === "score" && data.funds.hasScoreColumn === false) return "";
    return (data.funds as unknown as Record<string, Record<string, string>>)[a]?.[b] ?? "";
  }
  if (head === "goals") return data.goals[a as "expected" | "actual"] ?? "";
  if (head === "total") return data.total[a as "weight" | "score"];
  return ((data as unknown as Record<string, string | undefined>)[head] ?? "") as string;
}

const LAYOUTS: Array<{ name: string; options: (i: number) => LayoutOptions }> = [
  { name: "beijing standard", options: () => ({ layout: "beijing", labels: "standard" }) },
  { name: "shanghai standard", options: () => ({ layout: "shanghai", labels: "standard" }) },
  { name: "beijing messy at C", options: () => ({ layout: "beijing", labels: "messy" }) },
  { name: "shanghai messy at C", options: () => ({ layout: "shanghai", labels: "messy" }) },
];

describe.each(Object.entries(seeds))("seed %s forms", (seed, forms) => {
  it.each(LAYOUTS)("are all detected, stacked in one sheet: $name", async ({ name, options }) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(`seed ${seed}`);
    const placed: PlacedForm[] = [];
    let row = 4;
    const col = name.includes("at C") ? "C" : "A";
    forms.forEach((form, i) => {
      const p = layoutForm(ws, form, { ...options(i), origin: `${col}${row}` });
      placed.push(p);
      row = p.lastRow + 2;
    });
    const grid = await readXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    const detected = detectForms(grid.sheets[0]);
    expect(detected.map((f) => f.projectName?.text)).toEqual(forms.map((f) => f.projectName));
    const problems: string[] = [];
    detected.forEach((form, i) => {
      expect(form.range).toBe(placed[i].range);
      expect(form.year).toBe(forms[i].year);
      for (const [path, address] of Object.entries(placed[i].cells)) {
        // The Shanghai layout stores every rate as Number(text): a Beijing "100%" or "—" becomes NaN.
        const rate = printed(forms[i], path);
        if (name.startsWith("shanghai") && path.endsWith(".rate") && !/^[\d.]+$/.test(rate))
          continue;
        const field = fieldAt(form, path);
        const want = printed(forms[i], path);
        if (field?.address !== address || field.text !== want) {
          problems.push(
            `${forms[i].id} ${path}: want ${address} ${JSON.stringify(want)}, got ` +
              `${field?.address} ${JSON.stringify(field?.text)}`,
          );
        }
      }
      expect(form.indicators?.rows.length).toBe(forms[i].indicators.length);
      forms[i].indicators.forEach((ind, k) => {
        const got = form.indicators?.rows[k];
        const norm = (s: string) => s.replace(/\s/g, "");
        if (got?.level1 !== norm(ind.level1) || got?.level2 !== norm(ind.level2)) {
          problems.push(`${forms[i].id} indicators[${k}] groups: ${got?.level1}/${got?.level2}`);
        }
      });
    });
    expect(problems).toEqual([]);
  });
});

describe("generated fixture workbooks", () => {
  async function detectAll(
    name: string,
  ): Promise<Array<{ sheet: string; name: string; form: Form }>> {
    const grid = await readXlsxFile(`tests/fixtures/${name}.xlsx`);
    return grid.sheets.flatMap((sheet) =>
      detectForms(sheet).map((form) => ({
        sheet: sheet.name,
        name: form.projectName?.text ?? "",
        form,
      })),
    );
  }
  const names = (...ids: string[]) =>
    ids.flatMap((id) => (seeds[id] ?? []).map((f) => f.projectName));

  it("beijing.xlsx holds every seed 000 and 001 form, one per sheet", async () => {
    const found = await detectAll("beijing");
    expect(found.map((f) => f.name)).toEqual(names("000", "001"));
    expect(new Set(found.map((f) => f.sheet)).size).toBe(found.length);
  });

  it("shanghai.xlsx holds every seed 003 form, stacked", async () => {
    const found = await detectAll("shanghai");
    expect(found.map((f) => f.name)).toEqual(names("003"));
  });

  it.each(["beijing", "shanghai", "offset"])(
    "%s.xlsx: every golden form is detected",
    async (name) => {
      const found = new Set((await detectAll(name)).map((f) => `${f.sheet}|${f.name}`));
      const { default: golden } = await import(`../../fixtures/golden/${name}.json`);
      for (const entry of golden as Array<{ sheet: string; projectName: string }>) {
        expect(found).toContain(`${entry.sheet}|${entry.projectName}`);
      }
      expect(found.size).toBeGreaterThan(0);
    },
  );

  it("offset.xlsx: forms away from A1, and the hidden sheet is kept", async () => {
    const grid = await readXlsxFile("tests/fixtures/offset.xlsx");
    expect(grid.sheets.find((s) => s.name === "隐藏")?.hidden).toBe(true);
    const found = await detectAll("offset");
    expect(found.length).toBe(4);
    expect(found[0].form.title.address).toBe("C4");
  });
});
