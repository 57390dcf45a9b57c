import { describe, expect, it } from "vitest";
import type { Form } from "../../../src/core/forms/model";
import { national } from "../../../src/core/profiles";
import { runRules } from "../../../src/core/rules";
import { numberAsText } from "../../../src/core/rules/number-as-text";
import { buildForm, withIndicator } from "../../support/form-builder";
import { SEED_000_SECONDED, SEED_003_CIVIL_SERVICE, check } from "./seed-forms";

/** The default form with its printed rate stored as a number (0.9904 shown as 99.04%). */
function withStoredRate(form: Form): Form {
  const rate = form.funds?.total?.rate;
  if (rate !== undefined) rate.numeric = Number(rate.text.replace("%", "")) / 100;
  return form;
}

describe("number-as-text", () => {
  it("warns once per cell on seed 000 “12.142 988” (a stray space), saying the value read", () => {
    const findings = check(numberAsText, withStoredRate(buildForm(SEED_000_SECONDED)));
    const cells = findings.map((f) => f.cell);
    expect(cells).toContain("C6");
    expect(cells).toContain("C7");
    const budget = findings.find((f) => f.cell === "C6");
    expect(budget).toMatchObject({ rule: "number-as-text", severity: "warning" });
    expect(budget?.message).toContain("12.142 988");
    expect(budget?.message).toContain("数字中间有空格");
    expect(budget?.expected).toBe("12.142988 万元");
    expect(budget?.message).toContain("请改为数字 12.142988");
  });

  it("warns on units typed into number cells: “3.5万” amount, “10分” weight, “4.8分” score", () => {
    const form = withStoredRate(
      buildForm({
        funds: {
          initial: "3.5万",
          budget: "3.5",
          executed: "3.467",
          weight: "10分",
          rate: "99.06%",
          score: "9.91",
        },
        indicators: withIndicator(0, { score: "4.8分", weight: "20" }),
      }),
    );
    const findings = check(numberAsText, form);
    expect(findings.map((f) => f.cell)).toEqual(["B6", "E6", "G13"]);
    expect(findings[0].message).toContain("单位“万”");
    expect(findings[0].expected).toBe("3.5 万元");
    expect(findings[0].message).toContain("请改为数字 3.5");
    expect(findings[1].expected).toBe("10");
    expect(findings[2].message).toContain("发布信息条数");
  });

  it("warns on a plain number or percentage held as text, not on the same value stored", () => {
    const asText = buildForm({
      funds: {
        initial: "1,663.27",
        budget: "1,663.27",
        executed: "1,404.77",
        weight: "10",
        rate: "84.45%",
        score: "8.45",
      },
    });
    // form-builder stores "1,663.27" and "84.45%" as text, as a cell typed with an apostrophe.
    const warned = check(numberAsText, asText);
    expect(warned.map((f) => f.cell)).toEqual(["B6", "C6", "D6", "F6"]);
    expect(warned[0].message).toContain("请改为数字 1663.27");
    expect(warned[3].message).toContain("请改为数字 0.8445 并设为百分比格式");
    const stored = asText;
    for (const key of ["initial", "budget", "executed"] as const) {
      const field = stored.funds?.total?.[key];
      if (field !== undefined) field.numeric = Number(field.text.replace(/,/g, ""));
    }
    withStoredRate(stored);
    expect(check(numberAsText, stored)).toEqual([]);
  });

  it("says nothing about empty cells, dashes, 不涉及 or text that is no number", () => {
    const form = withStoredRate(
      buildForm({
        carryover: { initial: "—", budget: "-", executed: "" },
        indicators: withIndicator(0, { weight: "不涉及", score: "待定" }),
      }),
    );
    expect(check(numberAsText, form)).toEqual([]);
    expect(check(numberAsText, withStoredRate(buildForm(SEED_003_CIVIL_SERVICE)))).toEqual([]);
  });

  it("lets every other rule use the value read: a “20分” weight still counts in weight-sum", () => {
    // 10 + 30 + 20 + 10 + 30 + 10 = 110: the sum is wrong whether or not the weight is text.
    const form = withStoredRate(
      buildForm({ indicators: withIndicator(1, { weight: "30分", score: "30分" }) }),
    );
    const findings = runRules(form, national);
    expect(findings.filter((f) => f.rule === "invalid-number")).toEqual([]);
    expect(findings.filter((f) => f.rule === "number-as-text").map((f) => f.cell)).toEqual([
      "F14",
      "G14",
    ]);
    const weightSum = findings.find((f) => f.rule === "weight-sum");
    expect(weightSum?.actual).toBe("110");
  });

  it("lets the execution checks read “50万” / “47.68万” and report a wrong printed score", () => {
    const form = withStoredRate(
      buildForm({
        funds: {
          initial: "50万",
          budget: "50万",
          executed: "47.68万",
          weight: "10",
          rate: "95.36%",
          score: "9",
        },
      }),
    );
    const rules = runRules(form, national).map((f) => `${f.rule} ${f.cell}`);
    expect(rules).toContain("exec-score-mismatch G6");
    expect(rules).not.toContain("invalid-number C6");
    expect(rules).toContain("number-as-text C6");
  });

  it("gives the amount in the block's 万元 when it was typed in 元", () => {
    const form = withStoredRate(
      buildForm({
        funds: {
          initial: "35000元",
          budget: "3.5",
          executed: "3.467",
          weight: "10",
          rate: "99.06%",
          score: "9.91",
        },
      }),
    );
    const findings = check(numberAsText, form);
    expect(findings.map((f) => f.cell)).toEqual(["B6"]);
    expect(findings[0].message).toContain("请改为数字 3.5（本栏单位为万元）");
  });

  it("reads amounts in the block's own unit (项目资金(元)) and checks extra breakdown rows", () => {
    const form = withStoredRate(
      buildForm({
        funds: {
          initial: "35000",
          budget: "35000",
          executed: "3.4万",
          weight: "10",
          rate: "97.14%",
          score: "9.71",
        },
      }),
    );
    if (form.funds === undefined) throw new Error("no funds block");
    form.funds.unit = "元";
    form.funds.extra = [
      {
        row: 10,
        label: { address: "A10", text: "单位资金" },
        initial: { address: "B10", text: "1 000" },
      },
    ];
    const findings = check(numberAsText, form);
    expect(findings.map((f) => f.cell)).toEqual(["D6", "B10"]);
    expect(findings[0].expected).toBe("34000 元");
    expect(findings[0].message).toContain("请改为数字 34000（本栏单位为元）");
    expect(findings[1].message).toContain("单位资金");
    // 34000 ÷ 35000 = 97.14%: the execution rules read the same amounts.
    const errors = runRules(form, national).filter((f) => f.rule.startsWith("exec-"));
    expect(errors).toEqual([]);
  });
});
