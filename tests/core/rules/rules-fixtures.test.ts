import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { national, shanghai } from "../../../src/core/profiles";
import type { Profile } from "../../../src/core/profiles/schema";
import { ruleById, runRules } from "../../../src/core/rules";
import { buildForm, specOfFixture } from "../../support/form-builder";
import { loadSeedForms } from "../../../scripts/fixture-layouts.mjs";

/**
 * The seed forms (tests/fixtures/forms, text as printed) through every rule: every expected finding
 * is reported at its cell, and no error the fixture author did not expect. Cells follow `buildForm`'s
 * layout (indicator i on sheet row 13 + i).
 */
const SEEDS: [string, Profile][] = [
  ["000", national],
  ["001", national],
  ["003", shanghai],
];
const FORMS = loadSeedForms(join(__dirname, "../../fixtures/forms"));

const FUNDS_COLUMN: Record<string, string> = {
  initial: "B",
  budget: "C",
  executed: "D",
  weight: "E",
  rate: "F",
  score: "G",
};
const FUNDS_ROW: Record<string, number> = { total: 6, appropriation: 7, carryover: 8, other: 9 };
const INDICATOR_COLUMN: Record<string, string> = {
  target: "D",
  actual: "E",
  weight: "F",
  score: "G",
  explanation: "H",
};

function cellOf(at: string, indicatorCount: number): string {
  const totalRow = 13 + indicatorCount;
  const fixed: Record<string, string> = {
    title: "A1",
    projectName: "B3",
    department: "B4",
    "total.weight": `F${totalRow}`,
    "total.score": `G${totalRow}`,
    grade: `B${totalRow + 1}`,
  };
  if (fixed[at]) return fixed[at];
  const funds = /^funds\.(\w+)\.(\w+)$/.exec(at);
  if (funds) return `${FUNDS_COLUMN[funds[2]]}${FUNDS_ROW[funds[1]]}`;
  const indicator = /^indicators\[(\d+)\]\.(\w+)$/.exec(at);
  if (indicator) return `${INDICATOR_COLUMN[indicator[2]]}${13 + Number(indicator[1])}`;
  throw new Error(`unknown path ${at}`);
}

describe("all rules on the seed fixtures", () => {
  for (const [seed, profile] of SEEDS) {
    it(`seed${seed}.json: expected findings reported, no unexpected errors`, () => {
      for (const fixture of FORMS[seed]) {
        const form = buildForm(specOfFixture(fixture));
        const n = fixture.indicators.length;
        const found = runRules(form, profile);
        const expected = fixture.expected.filter((e) => ruleById.has(e.rule));
        for (const e of expected) {
          const cell = cellOf(e.at, n);
          expect(
            found.some((f) => f.rule === e.rule && f.cell === cell),
            `${fixture.id}: ${e.rule} at ${e.at} (${cell})`,
          ).toBe(true);
        }
        for (const f of found.filter((x) => x.severity === "error")) {
          expect(
            expected.some((e) => e.rule === f.rule && cellOf(e.at, n) === f.cell),
            `${fixture.id}: unexpected ${f.rule} at ${f.cell}: ${f.message}`,
          ).toBe(true);
        }
      }
    });
  }
});
