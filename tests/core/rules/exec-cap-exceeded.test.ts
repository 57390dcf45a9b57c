import { describe, expect, it } from "vitest";
import { capped, national } from "../../../src/core/profiles";
import { execCapExceeded } from "../../../src/core/rules/exec-cap-exceeded";
import { buildForm } from "../../support/form-builder";
import { SEED_003_CIVIL_SERVICE, check } from "./seed-forms";

describe("exec-cap-exceeded", () => {
  it("never fires under national (no caps)", () => {
    expect(check(execCapExceeded, buildForm(SEED_003_CIVIL_SERVICE), national)).toEqual([]);
  });

  it("passes a capped-profile form whose rate needs no cap", () => {
    expect(check(execCapExceeded, buildForm(), capped)).toEqual([]);
  });

  it("reports seed 003 公务员管理 (61.59%, total 96.16) above the 60–70% cap of 79", () => {
    const findings = check(execCapExceeded, buildForm(SEED_003_CIVIL_SERVICE), capped);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "exec-cap-exceeded",
      severity: "error",
      cell: "G20",
      expected: "≤ 79",
      actual: "96.16",
    });
    expect(findings[0].message).toContain("最高为 79");
    expect(findings[0].message).toContain("96.16");
  });

  it("passes a total at or below the cap", () => {
    const form = buildForm({ ...SEED_003_CIVIL_SERVICE, totalScore: "79" });
    expect(check(execCapExceeded, form, capped)).toEqual([]);
  });
});
