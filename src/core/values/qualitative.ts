/**
 * Words instead of numbers: "not applicable" marks, statements that a target was met, and
 * recognised qualitative standards. Input is `compactText` form (no spaces, half-width).
 */

/** Dashes, slashes and the 不涉及 family: explicitly not applicable (never a zero). */
const NOT_APPLICABLE =
  /^(?:[-—–―_/\\]+|[-—–/]+\/[-—–/]+|无|不涉及(?:此项|该项)?(?:内容|指标)?|不适用|N\/?A|n\/?a|#N\/A)$/;

export function isNotApplicable(text: string): boolean {
  return NOT_APPLICABLE.test(text);
}

/**
 * "The target was met" in words. Also used as a target ("按时完成"): the parser cannot tell a target
 * from an achievement, so both read as `met`; rules treat a `met` target as not quantified.
 * Excludes partial or negative statements (基本完成, 部分达成, 未完成) — those are `qualitative`.
 */
const MET = new RegExp(
  "^(?:" +
    [
      // 已完成, 完成, 按时完成, 全部完成, 达成指标, 实现指标, 完成预期, 达到预期目标, 已达到预期标准 …
      "(?:已经?|均已?|全部|全面|按时|按期|如期|及时|顺利|圆满|已按时|已按期|已全部)*" +
        "(?:完成|达成|实现|达到|达标|满足)了?" +
        "(?:了|预期|年度|绩效|既定)*(?:目标|指标|标准|任务|计划|要求|效果)?(?:值|要求)?" +
        "(?:相关|全部|各项)?(?:工作|任务)?",
      // 已在预定时间内完成, 预期内完成, 规定时间内完成
      "(?:已经?|均已?)?在?(?:预定|预期|规定|计划|要求)?(?:时间|期限)?内(?:按时)?完成",
      "已?达标",
      // 预算内, 在预算范围内完成, 未超预算, 预算内完成
      "(?:在|未超出?|不超出?|没有超出?|控制在)?预算(?:范围|额度)?(?:内|之内|以内)?(?:完成|支出)?",
    ].join("|") +
    ")$",
);

export function isMet(text: string): boolean {
  const t = text.replace(/[。.!！]+$/, "");
  return t !== "" && MET.test(t);
}

/** Grades written as words: 优, 良好, 优良中低差, 合格, 满意 … */
const GRADE_WORDS = /^(?:[优良中低差]+|优秀|良好|较好|好|一般|合格|满意|较满意|非常满意|达标)$/;

/** Words that make a recognised qualitative standard ("得到提高", "健全", "有效", "持续优化"). */
const QUALITATIVE_WORDS = new RegExp(
  [
    "提高",
    "提升",
    "改善",
    "改进",
    "健全",
    "完善",
    "有效",
    "优化",
    "满意",
    "规范",
    "合格",
    "明显",
    "显著",
    "增强",
    "加强",
    "稳定",
    "持续",
    "及时",
    "准确",
    "保障",
    "促进",
    "降低",
    "减少",
    "增加",
    "落实",
    "顺利",
    "安全",
    "正常",
    "高效",
    "可控",
    "充分",
    "积极",
    "长效",
    "符合",
    "良好",
    "达成",
    "完成",
    "效果",
    "完备",
    "完整",
    "齐全",
    "合规",
    "合理",
    "科学",
    "认可",
    "收获",
    "强化",
    "深化",
    "推动",
    "发展",
    "明确",
    "正面",
    "体现",
    "确保",
  ].join("|"),
);

export function isQualitative(text: string): boolean {
  return GRADE_WORDS.test(text) || QUALITATIVE_WORDS.test(text);
}
