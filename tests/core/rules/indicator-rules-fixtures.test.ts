import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { national, shanghai } from "../../../src/core/profiles";
import type { Profile } from "../../../src/core/profiles/schema";
import { deviationUnexplained } from "../../../src/core/rules/deviation-unexplained";
import { level1Weights } from "../../../src/core/rules/level1-weights";
import { notApplicableScored } from "../../../src/core/rules/not-applicable-scored";
import { overachievementUnexplained } from "../../../src/core/rules/overachievement-unexplained";
import { scoreInconsistent } from "../../../src/core/rules/score-inconsistent";
import { scoreOutOfRange } from "../../../src/core/rules/score-out-of-range";
import { targetNotQuantified } from "../../../src/core/rules/target-not-quantified";
import { buildForm, type IndicatorSpec } from "../../support/form-builder";
import { check as findingsOf } from "./seed-forms";

/**
 * The seed forms' indicator tables (tests/fixtures/forms, text as printed) through the indicator
 * rules: every expected finding of these rules is reported, and no error the fixture author did not
 * expect. Indicator i sits on sheet row 13 + i in a built form.
 */
const RULES = [
  scoreOutOfRange,
  scoreInconsistent,
  deviationUnexplained,
  overachievementUnexplained,
  notApplicableScored,
  level1Weights,
  targetNotQuantified,
];
const RULE_IDS = new Set(RULES.map((rule) => rule.meta.id));
const COLUMN_OF: Record<string, string> = {
  target: "D",
  actual: "E",
  weight: "F",
  score: "G",
  explanation: "H",
};

interface FixtureForm {
  id: string;
  indicators: IndicatorSpec[];
  expected: { rule: string; severity: string; at: string }[];
}

const SEEDS: [string, Profile][] = [
  ["seed000.json", national],
  ["seed001.json", national],
  ["seed003.json", shanghai],
];

function cellOf(at: string): string | undefined {
  const match = /^indicators\[(\d+)\]\.(\w+)$/.exec(at);
  if (!match) return undefined;
  return `${COLUMN_OF[match[2]]}${13 + Number(match[1])}`;
}

describe("indicator rules on the seed fixtures", () => {
  for (const [file, profile] of SEEDS) {
    const { forms } = JSON.parse(
      readFileSync(join(__dirname, "../../fixtures/forms", file), "utf8"),
    ) as { forms: FixtureForm[] };
    it(`${file}: expected findings reported, no unexpected errors`, () => {
      for (const fixture of forms) {
        const form = buildForm({ indicators: fixture.indicators });
        const found = RULES.flatMap((rule) => findingsOf(rule, form, profile));
        const expected = fixture.expected.filter((e) => RULE_IDS.has(e.rule));
        for (const e of expected) {
          const cell = cellOf(e.at);
          expect(
            found.some((f) => f.rule === e.rule && f.cell === cell),
            `${fixture.id}: ${e.rule} at ${e.at}`,
          ).toBe(true);
        }
        for (const f of found.filter((x) => x.severity === "error")) {
          expect(
            expected.some((e) => e.rule === f.rule && cellOf(e.at) === f.cell),
            `${fixture.id}: unexpected ${f.rule} at ${f.cell}: ${f.message}`,
          ).toBe(true);
        }
      }
    });
  }
});
