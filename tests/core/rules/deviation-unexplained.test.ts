import { describe, expect, it } from "vitest";
import { deviationUnexplained } from "../../../src/core/rules/deviation-unexplained";
import { buildForm, withIndicator } from "../../support/form-builder";
import {
  check as findingsOf,
  SEED_000_CADRE_REVIEW,
  SEED_000_PLATFORM_SATISFACTION,
  SEED_001_RECRUITMENT,
} from "./seed-forms";

const withoutReason = <T extends { explanation?: string }>(row: T): T => ({
  ...row,
  explanation: "",
});

describe("deviation-unexplained", () => {
  it("accepts deductions and shortfalls that carry a reason (seeds 000 and 001)", () => {
    expect(findingsOf(deviationUnexplained, buildForm())).toEqual([]);
    expect(
      findingsOf(deviationUnexplained, buildForm({ indicators: SEED_001_RECRUITMENT })),
    ).toEqual([]);
    expect(
      findingsOf(deviationUnexplained, buildForm({ indicators: SEED_000_CADRE_REVIEW })),
    ).toEqual([]);
    const platform = buildForm({ indicators: withIndicator(4, SEED_000_PLATFORM_SATISFACTION) });
    expect(findingsOf(deviationUnexplained, platform)).toEqual([]);
  });

  it("reports 257 → 248 scored 4.8 with no reason, on the explanation cell", () => {
    const indicators = [withoutReason(SEED_001_RECRUITMENT[0]), ...SEED_001_RECRUITMENT.slice(1)];
    const findings = findingsOf(deviationUnexplained, buildForm({ indicators }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "deviation-unexplained",
      severity: "error",
      cell: "H13",
    });
    for (const part of ["4.8", "5", "248", "257", "偏差原因分析及改进措施"]) {
      expect(findings[0].message).toContain(part);
    }
  });

  it("reports a deduction on a qualitative row (seed 000: 30 → 29) when the reason is removed", () => {
    const indicators = SEED_000_CADRE_REVIEW.map((row, i) => (i === 6 ? withoutReason(row) : row));
    const findings = findingsOf(deviationUnexplained, buildForm({ indicators }));
    expect(findings).toHaveLength(1);
    expect(findings[0].cell).toBe("H19");
    expect(findings[0].message).toContain("得分 29 低于分值 30");
  });

  it("reports a missed target even when the score is full", () => {
    const findings = findingsOf(
      deviationUnexplained,
      buildForm({ indicators: withIndicator(0, { actual: "480" }) }), // ≥500, 20 of 20
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].cell).toBe("H13");
    expect(findings[0].message).toContain("实际完成值 480 未达到指标值 ≥500");
  });

  it("reports a time later than its target and an exceeded ceiling", () => {
    const late = findingsOf(
      deviationUnexplained,
      buildForm({ indicators: withIndicator(2, { target: "11 月\n底前", actual: "12 月\n底" }) }),
    );
    expect(late).toHaveLength(1);
    expect(late[0].cell).toBe("H15");
    expect(late[0].message).toContain("晚于");
    const over = findingsOf(
      deviationUnexplained,
      buildForm({ indicators: withIndicator(1, { actual: "7" }) }), // 错字 ≤5
    );
    expect(over).toHaveLength(1);
    expect(over[0].message).toContain("超出指标值 ≤5");
  });

  it("reports an actual that states non-achievement in words", () => {
    for (const actual of ["未完成", "部分完成", "未达成"]) {
      const findings = findingsOf(
        deviationUnexplained,
        buildForm({ indicators: withIndicator(3, { actual, score: "30" }) }),
      );
      expect(findings, actual).toHaveLength(1);
      expect(findings[0].message).toContain(actual);
    }
  });

  it("treats 无 as no explanation, and skips 不涉及 rows", () => {
    const none = findingsOf(
      deviationUnexplained,
      buildForm({ indicators: withIndicator(0, { score: "18", explanation: "无" }) }),
    );
    expect(none).toHaveLength(1);
    const placeholder = findingsOf(
      deviationUnexplained,
      buildForm({
        indicators: withIndicator(0, {
          name: "不涉及",
          target: "",
          actual: "",
          weight: "5",
          score: "0",
        }),
      }),
    );
    expect(placeholder).toEqual([]);
  });

  it("accepts met time and 成本 targets (12月底, ≤50万元 → 49.28万元)", () => {
    expect(
      findingsOf(deviationUnexplained, buildForm({ indicators: SEED_001_RECRUITMENT.slice(1) })),
    ).toEqual([]);
  });

  it("takes “无”, “暂无”, “0”, “/”, “—”, the indicator's name or an instruction as no reason, saying why", () => {
    const cases: Array<[string, string]> = [
      ["暂无", "‘暂无’ 不是原因说明"],
      ["无。", "‘无。’ 不是原因说明"],
      ["0", "‘0’ 不是原因说明"],
      ["/", "‘/’ 不是原因说明"],
      ["—", "‘—’ 不是原因说明"],
      ["招聘岗位人数", "只是指标名称"],
      ["偏差原因分析及改进措施", "填写提示"],
      ["（如未完成，请说明原因）", "填写提示"],
      ["得分低于分值或未达到年度指标值的，请填写偏差原因分析及改进措施。", "填写提示"],
    ];
    for (const [text, why] of cases) {
      const indicators = [
        { ...SEED_001_RECRUITMENT[0], explanation: text },
        ...SEED_001_RECRUITMENT.slice(1),
      ];
      const findings = findingsOf(deviationUnexplained, buildForm({ indicators }));
      expect(
        findings.map((f) => f.cell),
        text,
      ).toEqual(["H13"]);
      expect(findings[0].message, text).toContain(why);
      expect(findings[0].message, text).toContain("偏差原因分析及改进措施");
    }
  });

  it("accepts short real reasons, including ones that contain 请 or a head word", () => {
    for (const text of ["申请说明材料延迟提交", "部分岗位无人报名", "原因：报名人数不足"]) {
      const indicators = [
        { ...SEED_001_RECRUITMENT[0], explanation: text },
        ...SEED_001_RECRUITMENT.slice(1),
      ];
      expect(findingsOf(deviationUnexplained, buildForm({ indicators })), text).toEqual([]);
    }
  });
});
