import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "../src/core/findings";
import { getProfile } from "../src/core/profiles";
import { validateWorkbook } from "../src/core/validate";
import { readXlsxFile } from "../src/hosts/xlsx/read";
import type { GoldenFinding } from "./support/seed-fixtures";

/**
 * The whole pipeline (xlsx → grid → detection → rules) on workbooks transcribed from the seeds, in
 * three layouts. Goldens were written by reading the seed forms, not by running this code: every
 * golden finding must be reported on its cell, and no error outside the golden list may appear.
 */
interface SeedFile {
  forms: Array<{ id: string; projectName: string }>;
}

const fixtures = join(__dirname, "fixtures");
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;
const key = (f: { rule: string; sheet: string; cell: string }): string =>
  `${f.rule} ${f.sheet}!${f.cell}`;

const seedNames = (file: string): string[] =>
  readJson<SeedFile>(join(fixtures, "forms", file)).forms.map((form) => form.projectName);

const cases = [
  {
    workbook: "beijing",
    profile: "national",
    names: [...seedNames("seed000.json"), ...seedNames("seed001.json")],
  },
  { workbook: "shanghai", profile: "shanghai", names: seedNames("seed003.json") },
  { workbook: "offset", profile: "national", names: undefined },
  // Other provinces' layouts of the Beijing seeds (domain.md §2).
  {
    workbook: "sichuan",
    profile: "national",
    names: [...seedNames("seed000.json"), ...seedNames("seed001.json")],
  },
  {
    workbook: "yuan",
    profile: "national",
    names: [...seedNames("seed000.json"), ...seedNames("seed001.json")],
  },
  // The department 评分表 of seed 002 (domain.md §6), named by its 部门名称.
  {
    workbook: "department",
    profile: "national",
    names: [readJson<{ unit: string }>(join(fixtures, "forms", "seed002.json")).unit],
  },
];

describe.each(cases)("seed workbook $workbook.xlsx", ({ workbook, profile, names }) => {
  const golden = readJson<GoldenFinding[]>(join(fixtures, "golden", `${workbook}.json`));
  const reportPromise = readXlsxFile(join(fixtures, `${workbook}.xlsx`)).then((grid) =>
    validateWorkbook(grid, getProfile(profile)),
  );

  it("finds every form with its project name", async () => {
    const report = await reportPromise;
    const found = report.forms.map((form) => form.projectName);
    if (names) expect(found.sort()).toEqual([...names].sort());
    else expect(found.length).toBeGreaterThanOrEqual(4);
    expect(found.every((name) => typeof name === "string" && name.length > 0)).toBe(true);
  });

  it("reports every golden finding on its cell", async () => {
    const report = await reportPromise;
    const reported = new Set(allFindings(report).map(key));
    const missing = golden.filter((g) => !reported.has(key(g)));
    expect(missing).toEqual([]);
  });

  it("reports no error outside the golden list", async () => {
    const report = await reportPromise;
    const expected = new Set(golden.map(key));
    const falseErrors = allFindings(report).filter(
      (f) => f.severity === "error" && !expected.has(key(f)),
    );
    expect(falseErrors).toEqual([]);
  });
});

function allFindings(report: {
  forms: Array<{ findings: Finding[] }>;
  findings: Finding[];
}): Finding[] {
  return [...report.findings, ...report.forms.flatMap((form) => form.findings)];
}
