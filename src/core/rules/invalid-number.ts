import { excerpt } from "./fields";
import { numberCells, readNumberCell } from "./number-cells";
import type { Rule } from "./types";

/**
 * Numeric cells (amounts, weights, scores, printed rate) holding text that cannot be read as the
 * number the cell needs (待定, 见附件, ≥50, 100% as an amount). Text that does read as a number
 * ("3.5万", "12.142 988", "10分") is number-as-text's warning, not an error here: the engine uses
 * the value read, and calling a readable figure an error buried the real ones (issue 9).
 */
export const invalidNumber: Rule = {
  meta: {
    id: "invalid-number",
    severity: "error",
    description: "金额、分值、得分、执行率等单元格应填写数字",
  },
  check({ form, report }) {
    for (const { field, what, kind, blockUnit } of numberCells(form)) {
      const reading = readNumberCell(field, kind, blockUnit);
      if (reading.status !== "invalid") continue;
      report({
        cell: field.address,
        message: `${what}应为数字，表中为“${excerpt(field.text.trim())}”（${reading.reason}）：请只填写数字，如 29.84`,
        actual: field.text,
      });
    }
  },
};
