/**
 * Label normalisation and classification for form detection. Each cell's text is normalised once
 * (a single pass over its characters, no regular expressions) and then looked up in a table.
 */

import { memoByText } from "../memo";

/** Labels are short; longer text (goals, explanations) is never a label and is not normalised. */
const MAX_LABEL_LENGTH = 48;

const CHAR_MAP: Record<string, string> = {
  "：": ":",
  "（": "(",
  "）": ")",
  "【": "(",
  "】": ")",
  "［": "(",
  "］": ")",
  "[": "(",
  "]": ")",
};

/**
 * Removes every white space and line break ("全年\n预算数", "分 值"), maps full-width colons and
 * brackets to half-width and drops a trailing colon ("年度资金总额：" → "年度资金总额").
 * Returns "" for text too long to be a label.
 */
export function normalizeLabel(text: string): string {
  if (text.length === 0 || text.length > MAX_LABEL_LENGTH) return "";
  return normalizeKnown(text);
}

/** Detection asks this of the same few hundred texts for every form of a workbook. */
const normalizeKnown = memoByText(normalizeUncached, {
  maxLength: MAX_LABEL_LENGTH,
  limit: 20_000,
});

function normalizeUncached(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    // ASCII spaces and controls, NBSP, ideographic space, other Unicode spaces.
    if (code <= 32 || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200b)) {
      continue;
    }
    out += CHAR_MAP[ch] ?? ch;
  }
  while (out.endsWith(":")) out = out.slice(0, -1);
  return out;
}

export type LabelKind =
  | "title"
  | "projectName"
  | "department"
  | "implementer"
  | "leader"
  | "phone"
  | "fundsBlock"
  | "initial"
  | "budget"
  | "executed"
  | "weight"
  | "rate"
  | "score"
  | "fundsTotal"
  | "appropriation"
  | "carryover"
  | "other"
  /** A breakdown row beyond the national three (Sichuan: 财政专户管理资金, 单位资金). */
  | "fundsExtra"
  /** The funds block's 原因 column (Sichuan): why the budget was not executed. */
  | "reason"
  | "goals"
  | "expected"
  | "actualDone"
  | "indicatorsBlock"
  | "level1"
  | "level2"
  | "name"
  | "target"
  | "actual"
  /** 指标性质 (=, ≥, ≤, 定性) of a target split over three columns. */
  | "targetNature"
  /** 度量单位 of a split target. */
  | "unit"
  | "explanation"
  | "total"
  | "grade";

const EXACT: Record<string, LabelKind> = {
  项目名称: "projectName",
  主管部门: "department",
  主管部门及代码: "department",
  实施单位: "implementer",
  项目负责人: "leader",
  联系电话: "phone",
  "项目资金(万元)": "fundsBlock",
  项目资金: "fundsBlock",
  年初预算数: "initial",
  全年预算数: "budget",
  全年执行数: "executed",
  分值: "weight",
  分数: "weight",
  执行率: "rate",
  "执行率(%)": "rate",
  得分: "score",
  年度资金总额: "fundsTotal",
  "年度资金总额(万元)": "fundsTotal",
  "其中:当年财政拨款": "appropriation",
  当年财政拨款: "appropriation",
  财政拨款: "appropriation",
  "其中:财政拨款": "appropriation",
  上年结转资金: "carryover",
  "其中:上年结转资金": "carryover",
  其他资金: "other",
  年度总体目标: "goals",
  预期目标: "expected",
  实际完成情况: "actualDone",
  绩效指标: "indicatorsBlock",
  一级指标: "level1",
  二级指标: "level2",
  三级指标: "name",
  年度指标值: "target",
  指标值: "target",
  实际完成值: "actual",
  偏差原因分析及改进措施: "explanation",
  总分: "total",
  总得分: "total",
  自评总分: "total",
  合计: "total",
  总计: "total",
  评分等级: "grade",
  自评等级: "grade",
  评价等级: "grade",
  权重: "weight",
  // Other provinces' words (domain.md §2): Sichuan's 预算执行情况 block and split targets.
  资金情况: "fundsBlock",
  年初预算: "initial",
  调整后预算数: "budget",
  调整后预算: "budget",
  预算数: "budget",
  预算执行数: "executed",
  执行数: "executed",
  预算执行率: "rate",
  原因: "reason",
  总额: "fundsTotal",
  资金总额: "fundsTotal",
  财政资金: "appropriation",
  "其中:财政资金": "appropriation",
  本年财政拨款: "appropriation",
  "其中:本年财政拨款": "appropriation",
  上年结余资金: "carryover",
  "其中:上年结余资金": "carryover",
  上年结余: "carryover",
  财政专户管理资金: "fundsExtra",
  单位资金: "fundsExtra",
  "其中:其他资金": "other",
  年初设定目标: "expected",
  年度总体目标完成情况综述: "actualDone",
  年度绩效指标完成情况: "indicatorsBlock",
  完成值: "actual",
  全年实际值: "actual",
  实际值: "actual",
  指标性质: "targetNature",
  度量单位: "unit",
  计量单位: "unit",
};

/** Kinds a head may carry an annotation for: 全年预算数（A）, 执行率（B/A）, 年度指标值（A）, 分值(分). */
const ANNOTATABLE = new Set<LabelKind>([
  "initial",
  "budget",
  "executed",
  "weight",
  "rate",
  "score",
  "target",
  "actual",
  "fundsTotal",
  "explanation",
  "fundsBlock",
  "indicatorsBlock",
]);

/** The text before a short trailing "(…)" (the 财预〔2020〕10号 template's "(A)", "(B/A)", "(分)"). */
function withoutAnnotation(norm: string): string | undefined {
  if (!norm.endsWith(")")) return undefined;
  const open = norm.lastIndexOf("(");
  if (open <= 0 || norm.length - open > 10) return undefined;
  return norm.slice(0, open);
}

/** The kind of label a normalised text is, or undefined for a value. */
export function classifyLabel(norm: string): LabelKind | undefined {
  if (norm === "") return undefined;
  const exact = EXACT[norm];
  if (exact !== undefined) return exact;
  const base = withoutAnnotation(norm);
  if (base !== undefined) {
    const kind = EXACT[base];
    if (kind !== undefined && ANNOTATABLE.has(kind)) return kind;
  }
  if (norm.includes("项目支出绩效自评表") && !norm.startsWith("注")) return "title";
  if (norm.startsWith("偏差原因")) return "explanation";
  // Seed 000 prints "全年执行" for 全年执行数; others write "年初预算" or "全年预算".
  if (norm === "年初预算") return "initial";
  if (norm === "全年预算") return "budget";
  if (norm === "全年执行") return "executed";
  // Indicator heads reworded: 全年指标值, 年度目标值 / 全年实际完成值.
  if (norm === "全年指标值" || norm === "年度目标值" || norm === "全年目标值") return "target";
  if (norm === "全年实际完成值" || norm === "实际完成") return "actual";
  if (norm.startsWith("年度资金总额")) return "fundsTotal";
  if (norm.startsWith("执行率")) return "rate";
  if (norm.startsWith("其中:") && norm.includes("财政拨款")) return "appropriation";
  // 预算执行情况(10分), 项目资金(元), 资金情况(万元): the funds block under another name.
  if (norm.startsWith("预算执行情况") && norm.length <= 12) return "fundsBlock";
  // 未完成原因分析, 未完成原因及拟采取的改进措施: the explanation column.
  if (norm.startsWith("未完成原因")) return "explanation";
  return undefined;
}
