/** The pane's sentences about what just happened (Chinese), built from what the host returned. */
import type { ClearSummary, MarkSummary, SkippedCell } from "../hosts/types";
import type { CheckProgress } from "./run-check";

/** A result line and, when some cells were left alone, one line per cell saying why. */
export interface Notice {
  intent: "success" | "info" | "warning";
  text: string;
  details: string[];
}

/** "工作表!D7：原因", or "工作表“X”：原因" for a whole sheet. */
export function skippedLine(skipped: SkippedCell): string {
  if (!skipped.sheet) return skipped.reason;
  return skipped.cell
    ? `${skipped.sheet}!${skipped.cell}：${skipped.reason}`
    : `工作表“${skipped.sheet}”：${skipped.reason}`;
}

/**
 * Said after the marking that created the workbook's ledger sheet where that empties the host's
 * undo history (Excel): the user's own earlier edits can no longer be undone, and nothing else in
 * the program tells them. Ctrl+Z is not named: on a Mac it is ⌘Z.
 */
export const UNDO_CLEARED_SENTENCE =
  "这是本工作簿第一次标记：为保存标记前的原样新建了一张隐藏工作表，这会清空撤销记录，此前的编辑已不能再撤销；标记本身随时可用“清除标记”完整还原。";

export function markNotice(summary: MarkSummary): Notice {
  const parts = [`已标记 ${summary.marked} 个单元格`];
  if (summary.cleared.restored > 0) {
    parts.push(`标记前先恢复了上次标记的 ${summary.cleared.restored} 个单元格`);
  }
  if (summary.notesOmitted) parts.push("当前版本不支持批注，只标记了填充颜色");
  const skipped = [...summary.skipped, ...summary.cleared.skipped];
  if (skipped.length > 0) parts.push(`${skipped.length} 处未标记，原因见下`);
  // Lost undo history is a consequence the user did not choose: never a plain success.
  const warn = skipped.length > 0 || summary.notesOmitted || summary.undoCleared;
  return {
    intent: warn ? "warning" : "success",
    text: `${parts.join("；")}。${summary.undoCleared ? UNDO_CLEARED_SENTENCE : ""}`,
    details: skipped.map(skippedLine),
  };
}

export function clearNotice(summary: ClearSummary): Notice {
  const parts = [`已恢复 ${summary.restored} 个单元格`];
  if (summary.restored === 0 && summary.skipped.length === 0) parts[0] = "没有需要清除的标记";
  if (summary.skipped.length > 0) parts.push(`${summary.skipped.length} 处未能恢复，原因见下`);
  return {
    intent: summary.skipped.length > 0 ? "warning" : "success",
    text: `${parts.join("；")}。`,
    details: summary.skipped.map(skippedLine),
  };
}

export function progressText(progress: CheckProgress): string {
  return progress.phase === "detect"
    ? `正在查找自评表：第 ${Math.min(progress.done + 1, progress.total)} / ${progress.total} 个工作表…`
    : `正在校验：${progress.done} / ${progress.total} 张表…`;
}

/**
 * What a failed host call says. Host errors are one Chinese sentence already; anything else (a bug,
 * an Office.js error in English) is said in one line with what to do.
 */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/[\u4e00-\u9fff]/.test(message)) return message;
  const detail = message.split("\n")[0] || "未知错误";
  return `操作未能完成（${detail}）。请重试；如果问题仍然存在，请关闭并重新打开绩效自评助手。`;
}
