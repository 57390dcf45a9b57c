import { describe, expect, it } from "vitest";
import { gradeMismatch } from "../../../src/core/rules/grade-mismatch";
import { buildForm } from "../../support/form-builder";
import { SEED_003_CIVIL_SERVICE, check } from "./seed-forms";

describe("grade-mismatch", () => {
  it("passes seed 003 公务员管理 (96.16, 优) and forms without a 评分等级 row", () => {
    expect(check(gradeMismatch, buildForm(SEED_003_CIVIL_SERVICE))).toEqual([]);
    expect(check(gradeMismatch, buildForm({ grade: null }))).toEqual([]);
    expect(check(gradeMismatch, buildForm({ grade: "" }))).toEqual([]);
  });

  it("accepts the long forms of a grade (优秀)", () => {
    expect(check(gradeMismatch, buildForm({ ...SEED_003_CIVIL_SERVICE, grade: "优秀" }))).toEqual(
      [],
    );
  });

  it("reports 良 printed for 96.16 on the 评分等级 cell", () => {
    const findings = check(gradeMismatch, buildForm({ ...SEED_003_CIVIL_SERVICE, grade: "良" }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "grade-mismatch",
      severity: "error",
      cell: "B21",
      expected: "优",
      actual: "良",
    });
    expect(findings[0].message).toContain("评分等级应为“优”（总分 96.16）");
  });

  it("grades the boundaries: 89.99 is 良, 60 is 中", () => {
    expect(
      check(gradeMismatch, buildForm({ totalScore: "89.99", grade: "优" })).map((f) => f.expected),
    ).toEqual(["良"]);
    expect(
      check(gradeMismatch, buildForm({ totalScore: "60", grade: "差" })).map((f) => f.expected),
    ).toEqual(["中"]);
  });

  it("grades the computed total when the printed one is not a number", () => {
    // Default form: 9.9 + 90 = 99.9 → 优.
    expect(
      check(gradeMismatch, buildForm({ totalScore: "满分", grade: "良" })).map((f) => f.expected),
    ).toEqual(["优"]);
  });
});
