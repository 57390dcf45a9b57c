import type { Field, IndicatorRow } from "../forms/model";
import { compactText } from "../values";
import { excerpt, withoutSpaces } from "./fields";

/**
 * Whether a cell that must give a reason (偏差原因分析及改进措施, the overall 实际完成情况 for a low
 * rate) gives one. Published forms answer a deduction with "无", "暂无", "0", "/", "—", the
 * indicator's own name or the template's instruction left in place; such a text is no reason, and
 * the finding says why rather than calling a filled cell empty (issue 9).
 */
export type ExplanationGap =
  /** The cell is empty. */
  | { kind: "empty" }
  /** The cell holds text that explains nothing; `why` is the Chinese clause for the message. */
  | { kind: "placeholder"; why: string };

/** Texts that fill a cell without saying anything (compared without spaces and end punctuation). */
const NON_REASONS = new Set([
  "无",
  "暂无",
  "没有",
  "空",
  "略",
  "无说明",
  "无原因",
  "不涉及",
  "0",
  "0.00",
  "/",
  "\\",
  "-",
  "--",
  "—",
  "——",
  "–",
  "_",
  "…",
  "……",
  "...",
  "......",
  "N/A",
  "NA",
]);

/** The explanation column's own head and its variants, copied into the cell. */
const COLUMN_HEADS = new Set([
  "偏差原因分析及改进措施",
  "偏差原因分析",
  "偏差原因",
  "原因分析",
  "原因",
  "改进措施",
  "原因及改进措施",
  "未完成原因分析",
  "未完成原因",
  "未完成原因及拟采取的改进措施",
  "未完成原因分析及改进措施",
  "说明",
  "备注",
]);

/**
 * Instruction wording of templates: "请填写…", "请说明…原因", "（如未完成，请说明原因）", our own
 * template's "得分低于分值或未达到年度指标值的，请填写偏差原因分析及改进措施。", "填表说明：…".
 * 请 must open a clause: "申请说明材料延迟" is a reason, not an instruction.
 */
const INSTRUCTION =
  /(?:^|[，,。；;：:（(\s])请(?:简要|如实|在此|务必)?(?:填写|填报|说明|简述|分析|列明|写明|注明)|填表说明|此处填写/;

/** The text without white space, brackets and end punctuation, half-width. */
function bare(text: string): string {
  return compactText(text)
    .replace(/^[(（[【]+|[)）\]】]+$/g, "")
    .replace(/[。.；;，,!！]+$/, "");
}

/**
 * Undefined when `field` gives a reason; otherwise what is missing. `row` (for an indicator's
 * explanation) makes the row's own names count as no reason too.
 */
export function explanationGap(
  field: Field | undefined,
  row?: IndicatorRow,
): ExplanationGap | undefined {
  if (field === undefined) return { kind: "empty" };
  const raw = field.text.trim();
  if (raw === "") return { kind: "empty" };
  // Long texts are real prose (or a pasted instruction, told by INSTRUCTION below); only a short
  // cell can be a bare placeholder.
  const text = raw.length > 200 ? raw : bare(raw);
  const quoted = `‘${excerpt(raw.replace(/\s+/g, " "))}’`;
  if (text === "" || NON_REASONS.has(text)) {
    return { kind: "placeholder", why: `${quoted} 不是原因说明` };
  }
  if (row !== undefined) {
    const names = [row.name.text, row.level2, row.level1]
      .map(withoutSpaces)
      .filter((n) => n !== "");
    if (names.includes(withoutSpaces(text))) {
      return { kind: "placeholder", why: `${quoted} 只是指标名称，不是原因说明` };
    }
  }
  if (COLUMN_HEADS.has(withoutSpaces(text)) || INSTRUCTION.test(raw)) {
    return { kind: "placeholder", why: `${quoted} 是表格的填写提示，不是原因说明` };
  }
  return undefined;
}

/** The clause a message puts before "请在…中说明": empty for an empty cell. */
export function gapClause(gap: ExplanationGap): string {
  return gap.kind === "placeholder" ? `，${gap.why}` : "";
}
