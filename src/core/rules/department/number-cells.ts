import { excerpt, readNumber } from "../fields";
import { departmentNumberCells } from "./cells";
import type { DepartmentRule } from "./types";

/** Digits separated by white space inside one number: "5 .85". */
const SPACE_INSIDE_NUMBER = /\d[.,]?\s+[.,]?\d/;

/** Text in a 参考分值 / 自评得分 cell that is no number (`待定`, `见附件`). */
export const departmentInvalidNumber: DepartmentRule = {
  meta: {
    id: "invalid-number",
    severity: "error",
    description: "参考分值和自评得分必须是数字",
  },
  check({ form, report }) {
    for (const { field, what } of departmentNumberCells(form)) {
      const parsed = readNumber(field);
      if (parsed.ok || parsed.empty) continue;
      report({
        cell: field.address,
        message: `${what}“${excerpt(field.text.trim())}”不是数字：请填写数字`,
        actual: field.text,
      });
    }
  },
};

/** A number typed as text ("6分", "5 .85", "8" stored as text): readable, but no formula adds it. */
export const departmentNumberAsText: DepartmentRule = {
  meta: {
    id: "number-as-text",
    severity: "warning",
    description: "参考分值和自评得分应存为数字，存为文本时公式无法计算",
  },
  check({ form, report }) {
    for (const { field, what } of departmentNumberCells(form)) {
      const parsed = readNumber(field);
      if (!parsed.ok || field.numeric !== undefined) continue;
      const why = SPACE_INSIDE_NUMBER.test(field.text)
        ? "数字中间有空格"
        : parsed.unit !== undefined
          ? `带了单位“${parsed.unit}”`
          : "数字存为文本";
      report({
        cell: field.address,
        message: `${what}“${excerpt(field.text.trim())}”${why}：已按 ${parsed.value} 检查，但公式无法计算，请改为数字`,
        actual: field.text,
      });
    }
  },
};
