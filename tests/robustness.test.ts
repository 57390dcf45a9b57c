import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  loadSeedForms,
  parseA1,
  provinceForm,
  type FormData,
  type PlacedForm,
} from "../scripts/fixture-layouts.mjs";
import type { Finding } from "../src/core/findings";
import { getProfile } from "../src/core/profiles";
import { validateWorkbook } from "../src/core/validate";
import { readXlsxBuffer } from "../src/hosts/xlsx/read";
import {
  buildProvinceVariation,
  buildVariation,
  fieldKey,
  transformForm,
  type Layout,
  type ProvinceVariation,
  type Variation,
} from "./support/variations";

/**
 * Every seed form laid out the way workbooks we have not seen vary (tests/support/variations.ts),
 * written to xlsx and read back like a user's file. Each variant must report every finding its
 * `expected` list asks for, no other error, and — because the perturbations keep each field on
 * the same cell — exactly the findings (all severities) of the plain layout of the same data.
 */

const seeds = loadSeedForms(path.join(__dirname, "fixtures", "forms"));

const groups: Array<{ name: string; layout: Layout; profile: string; forms: FormData[] }> = [
  {
    name: "Beijing (seeds 000 + 001)",
    layout: "beijing",
    profile: "national",
    forms: [...(seeds["000"] ?? []), ...(seeds["001"] ?? [])],
  },
  {
    name: "Shanghai (seed 003)",
    layout: "shanghai",
    profile: "shanghai",
    forms: seeds["003"] ?? [],
  },
  // Every error kind of domain.md §5 in every layout: the forms of each region in the other's layout.
  {
    name: "Beijing forms in the Shanghai layout",
    layout: "shanghai",
    profile: "national",
    forms: [...(seeds["000"] ?? []), ...(seeds["001"] ?? [])],
  },
  {
    name: "Shanghai forms in the Beijing layout",
    layout: "beijing",
    profile: "shanghai",
    forms: seeds["003"] ?? [],
  },
];

const variations: Variation[] = [
  { name: "numbers typed as text", numbers: "text" },
  { name: "numbers stored as numbers with a fixed format", numbers: "number" },
  { name: "thousands separators, numbers", numbers: "number", grouped: true },
  { name: "thousands separators, text", numbers: "text", grouped: true },
  { name: "rate 0.9904 formatted 0.00%", rate: "fraction-pct-format" },
  { name: 'rate typed "99.04%"', rate: "text-pct" },
  { name: "rate 99.04 formatted 0.00", rate: "number-2dp" },
  { name: "rate 0.9904 in General", rate: "fraction-general" },
  { name: "labels retyped (spaces, line breaks, colons, brackets)", relabel: "retyped" },
  { name: "national template heads (全年预算数（A）, 执行率（B/A）)", relabel: "annotated" },
  { name: "empty column before the funds values and after 三级指标", insertColumns: [2, 4] },
  { name: 'amounts typed with a unit ("30万")', amountUnits: true },
  { name: "no merges", unmerge: true },
  { name: "一级/二级 merged vertically", mergeGroups: true },
  { name: "no title (form starts at 项目名称)", noTitle: true },
  { name: "评分等级 merged across the row", gradeMerged: true },
  { name: "评分等级 in words", gradeWords: true },
  { name: "评分等级 absent", gradeAbsent: true },
  { name: "stacked, no blank row", stackGap: 0 },
  { name: "stacked, three blank rows", stackGap: 3 },
  { name: "stacked at C4 without titles", stackGap: 1, origin: "C4", noTitle: true },
  { name: "at C4, sheet names with spaces, hidden sheet", origin: "C4", sheetNames: true },
  { name: "不涉及 rows filled with 不涉及 and 0", notApplicableFilled: true },
  { name: "funds block without 得分 column", dropFundsScore: true },
  {
    name: "everything at once",
    origin: "B3",
    stackGap: 1,
    numbers: "text",
    grouped: true,
    rate: "text-pct",
    relabel: "retyped",
    unmerge: true,
    gradeWords: true,
    sheetNames: true,
  },
];

interface Located {
  key: string;
  finding: Finding;
}

/** A finding keyed by form id and its cell relative to the form's top-left corner. */
function locate(
  finding: Finding,
  placed: Array<{ form: FormData; placed: PlacedForm }>,
  inserted: readonly number[] = [],
) {
  const { row, col } = parseA1(finding.cell);
  const owner = placed.find(
    (p) => p.placed.sheet === finding.sheet && row >= p.placed.firstRow && row <= p.placed.lastRow,
  );
  if (!owner) return `? ${finding.rule} ${finding.sheet}!${finding.cell}`;
  const origin = parseA1(owner.placed.cells.title);
  // Columns as in the plain layout: undo the inserted empty columns.
  const shifted = col - origin.col;
  let plain = shifted;
  while (plain > 0 && plain + inserted.filter((k) => k <= plain).length > shifted) plain--;
  const exact = plain + inserted.filter((k) => k <= plain).length === shifted;
  return `${owner.form.id} ${finding.rule} R${row - origin.row}C${exact ? plain : `~${shifted}`}`;
}

async function run(forms: FormData[], layout: Layout, profile: string, v: Variation) {
  const built = buildVariation(forms, layout, v);
  const buffer = await built.workbook.xlsx.writeBuffer();
  const grid = await readXlsxBuffer(new Uint8Array(buffer as ArrayBuffer));
  const report = validateWorkbook(grid, getProfile(profile));
  const findings = [...report.findings, ...report.forms.flatMap((form) => form.findings)];
  const located: Located[] = findings.map((finding) => ({
    key: locate(finding, built.placed, v.insertColumns),
    finding,
  }));
  return { built, report, located };
}

const cellKey = (f: { rule: string; sheet: string; cell: string }) =>
  `${f.rule} ${f.sheet}!${f.cell}`;

describe.each(groups)("$name", ({ layout, profile, forms }) => {
  const baselines = new Map<string, Promise<Set<string>>>();
  /** The plain layout of the same (transformed) data: what every cell perturbation must match. */
  const baseline = (data: FormData[], dataKey: string) => {
    let found = baselines.get(dataKey);
    if (!found) {
      found = run(data, layout, profile, { name: "plain" }).then(
        (r) => new Set(r.located.map((l) => l.key)),
      );
      baselines.set(dataKey, found);
    }
    return found;
  };

  it.each(variations)("$name", async (v) => {
    expect(forms.length).toBeGreaterThan(0);
    const data = forms.map((form) => transformForm(form, v));
    const { built, report, located } = await run(data, layout, profile, v);

    // Every form is found, under its project name.
    expect(report.forms.map((f) => f.projectName).sort()).toEqual(
      data.map((f) => f.projectName).sort(),
    );

    // Recall of the transcribed findings, and no error a correct form does not deserve.
    const reported = new Set(located.map((l) => cellKey(l.finding)));
    const missing = built.golden.filter((g) => !reported.has(cellKey(g)));
    expect(missing).toEqual([]);
    const expectedCells = new Set(built.golden.map(cellKey));
    const falseErrors = located
      .filter((l) => l.finding.severity === "error" && !expectedCells.has(cellKey(l.finding)))
      .map((l) => `${l.key}: ${l.finding.message}`);
    expect(falseErrors).toEqual([]);

    // Numbers held as text are told apart from stored numbers by design (number-as-text): the
    // variations that type numbers as text must give it on every form, then it leaves the
    // comparison below.
    const asText = (l: Located) => l.finding.rule === "number-as-text";
    if (v.numbers === "text") {
      const warned = new Set(located.filter(asText).map((l) => l.key.split(" ")[0]));
      expect(data.filter((f) => !warned.has(f.id)).map((f) => f.id)).toEqual([]);
    }

    // Same findings, all severities, as the plain layout of the same data.
    const dataKey = JSON.stringify([
      v.dropFundsScore,
      v.notApplicableFilled,
      v.gradeAbsent,
      v.gradeWords,
      v.amountUnits,
    ]);
    const plain = await baseline(data, dataKey);
    const keys = new Set(located.map((l) => l.key));
    const storage = (key: string) => / number-as-text /.test(key);
    const titleMoved = (key: string) => v.noTitle === true && / missing-section /.test(key);
    expect([...plain].filter((k) => !keys.has(k) && !titleMoved(k) && !storage(k)).sort()).toEqual(
      [],
    );
    expect(
      located
        .filter((l) => !plain.has(l.key) && !titleMoved(l.key) && !asText(l))
        .map((l) => `${l.key}: ${l.finding.message}`)
        .sort(),
    ).toEqual([]);
  });
});

/**
 * Other provinces' layouts (domain.md §2): every seed form laid out as Sichuan prints it (预算执行情况
 * block, split targets, two-row heads, placeholder rows, 合计) and as a national form in 元 without
 * 年初 must give, field by field, the findings of the Beijing layout of the same data — except what
 * the layout itself removes (no 年初 column: no budget-adjusted).
 */
const provinceVariations: ProvinceVariation[] = [
  { name: "Sichuan, one form per sheet", style: "sichuan" },
  { name: "Sichuan, stacked at C4", style: "sichuan", stackedAt: "C4" },
  { name: "元 without 年初, one form per sheet", style: "yuan" },
  { name: "元 without 年初, stacked at B2", style: "yuan", stackedAt: "B2" },
];

const provinceGroups = [
  {
    name: "Beijing seeds",
    profile: "national",
    forms: [...(seeds["000"] ?? []), ...(seeds["001"] ?? [])],
  },
  { name: "Shanghai seed", profile: "shanghai", forms: seeds["003"] ?? [] },
];

async function findingsOf(built: ReturnType<typeof buildProvinceVariation>, profile: string) {
  const buffer = await built.workbook.xlsx.writeBuffer();
  const grid = await readXlsxBuffer(new Uint8Array(buffer as ArrayBuffer));
  const report = validateWorkbook(grid, getProfile(profile));
  return { report, findings: [...report.findings, ...report.forms.flatMap((f) => f.findings)] };
}

describe.each(provinceGroups)("other provinces' layouts: $name", ({ profile, forms }) => {
  it.each(provinceVariations)("$name", async (v) => {
    expect(forms.length).toBeGreaterThan(0);
    const data = forms.map((form) => provinceForm(form, v.style));
    const built = buildProvinceVariation(data, v);
    const { report, findings } = await findingsOf(built, profile);
    expect(report.forms.map((f) => f.projectName).sort()).toEqual(
      data.map((f) => f.projectName).sort(),
    );

    const reported = new Set(findings.map(cellKey));
    expect(built.golden.filter((g) => !reported.has(cellKey(g)))).toEqual([]);
    const expectedCells = new Set(built.golden.map(cellKey));
    expect(
      findings
        .filter((f) => f.severity === "error" && !expectedCells.has(cellKey(f)))
        .map((f) => `${fieldKey(f, built.placed)}: ${f.message}`),
    ).toEqual([]);

    const reference = buildProvinceVariation(data, { name: "Beijing", style: "beijing" });
    // No 年初 column: nothing to say about 年初 amounts, no budget adjustment to note.
    const removedByLayout = (key: string) =>
      v.style === "yuan" && (/ budget-adjusted /.test(key) || /funds\.\w+\.initial$/.test(key));
    const plain = new Set(
      (await findingsOf(reference, profile)).findings
        .map((f) => fieldKey(f, reference.placed))
        .filter((key) => !removedByLayout(key)),
    );
    const keys = findings.map((f) => ({ key: fieldKey(f, built.placed), message: f.message }));
    const seen = new Set(keys.map((k) => k.key));
    expect([...plain].filter((k) => !seen.has(k)).sort()).toEqual([]);
    expect(
      keys
        .filter((k) => !plain.has(k.key))
        .map((k) => `${k.key}: ${k.message}`)
        .sort(),
    ).toEqual([]);
  });
});
