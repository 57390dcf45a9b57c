import { excerpt } from "./fields";
import { numberCells, readNumberCell } from "./number-cells";
import type { Rule } from "./types";

/**
 * A number cell holding text that reads as a number ("3.5万", "12.142 988", "10分", "1,663.27"
 * typed as text). The value is right and every other rule uses it, but SUM and the template's
 * formulas skip text, so a total built from the cell silently leaves it out: one warning per cell.
 */
export const numberAsText: Rule = {
  meta: {
    id: "number-as-text",
    severity: "warning",
    description: "数字单元格中是文本形式的数字（带单位、有空格或存为文本），公式无法计算",
  },
  check({ form, report }) {
    for (const { field, what, kind, blockUnit } of numberCells(form)) {
      const reading = readNumberCell(field, kind, blockUnit);
      if (reading.status !== "text") continue;
      report({
        cell: field.address,
        message: `${what}“${excerpt(field.text.trim())}”是文本（${reading.why}），公式无法计算；已按 ${reading.read} 校验，${reading.fix}`,
        expected: reading.read,
        actual: field.text,
      });
    }
  },
};
