import { describe, expect, it } from "vitest";
import { national, shanghai } from "../../../src/core/profiles";
import { withOverrides } from "../../../src/core/profiles/overrides";
import { execRateLow } from "../../../src/core/rules/exec-rate-low";
import { buildForm } from "../../support/form-builder";
import { SEED_003_CIVIL_SERVICE, check } from "./seed-forms";

/** Seed 003 公务员管理's 实际完成情况: no word on why only 61.59% was spent. */
const SEED_003_ACTUAL =
  "依据《公务员法》及相关法律法规要求做好辖区公务员管理工作, 依据年度计划完成公务员招录工作并对在职公务员进行考核。";

describe("exec-rate-low", () => {
  it("passes a rate above the threshold", () => {
    expect(check(execRateLow, buildForm())).toEqual([]);
  });

  it("reports seed 003 公务员管理 (61.59%) on the rate cell and asks for the reason", () => {
    const form = buildForm({ ...SEED_003_CIVIL_SERVICE, goalsActual: SEED_003_ACTUAL });
    const findings = check(execRateLow, form, shanghai);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "exec-rate-low", severity: "warning", cell: "F6" });
    expect(findings[0].message).toContain("61.59%");
    expect(findings[0].message).toContain("低于 90%");
    expect(findings[0].message).toContain("实际完成情况");
  });

  it("still reports when 实际完成情况 seems to give the reason, asking to confirm it", () => {
    const form = buildForm({
      ...SEED_003_CIVIL_SERVICE,
      goalsActual: `${SEED_003_ACTUAL}执行率偏低原因：部分培训延期至次年。`,
    });
    const findings = check(execRateLow, form, shanghai);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain("请确认");
  });

  it("follows the profile's threshold", () => {
    const form = buildForm({ ...SEED_003_CIVIL_SERVICE, goalsActual: SEED_003_ACTUAL });
    expect(
      check(execRateLow, form, withOverrides(national, { lowExecutionThreshold: 0.6 })),
    ).toEqual([]);
  });

  it("reports on 全年执行数 when the form has no rate cell", () => {
    const form = buildForm({ ...SEED_003_CIVIL_SERVICE, goalsActual: SEED_003_ACTUAL });
    delete form.funds!.total!.rate;
    expect(check(execRateLow, form).map((f) => f.cell)).toEqual(["D6"]);
  });

  it("does not take an instruction left in 实际完成情况 for a reason given", () => {
    const form = buildForm({
      ...SEED_003_CIVIL_SERVICE,
      goalsActual: "请说明执行率偏低的原因及改进措施",
    });
    const findings = check(execRateLow, form, shanghai);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).not.toContain("请确认");
    expect(findings[0].message).toContain("请在“年度总体目标 实际完成情况”");
  });
});
