/**
 * Time targets: "12 月底", "≤12月", "11 月底前", "年底前完成", "本年度内", "≤12个月", "2024年12月底",
 * "第四季度", "上半年". Input is `compactText` form (no spaces, canonical comparators).
 */
import { SYMBOL_OPS } from "./comparator";
import type { Comparator, TimeValue } from "./types";

const DONE = "(?:完成|完工|结束|实施完毕|完毕|验收|到位|支付完毕)?";
const BEFORE = "(前|之前|以前|内|之内|以内)?";
const LEAD = "([≥≤><=]|不晚于|不迟于|截至|截止至|截止到|截止|在|于)?";

const MONTH_DATE = new RegExp(
  `^${LEAD}(?:\\d{4}年)?(\\d{1,2})月(?:(\\d{1,2})[日号])?(底|末|份|下旬|中旬|上旬|初)?${BEFORE}${DONE}$`,
);
const YEAR_END = new RegExp(
  `^${LEAD}(?:\\d{4}年度?|本年度?|当年度?|今年|年度?)(底|末|内|终)?${BEFORE}${DONE}$`,
);
const DURATION = new RegExp(`^${LEAD}(\\d{1,3})个月${BEFORE}${DONE}$`);
const QUARTER = new RegExp(`^${LEAD}(?:\\d{4}年)?第?([一二三四1-4])季度(末|底)?${BEFORE}${DONE}$`);
const HALF_YEAR = new RegExp(`^${LEAD}(?:\\d{4}年)?(上|下)半年(末|底)?${BEFORE}${DONE}$`);

const QUARTER_END: Record<string, number> = {
  一: 3,
  二: 6,
  三: 9,
  四: 12,
  1: 3,
  2: 6,
  3: 9,
  4: 12,
};

/** The comparator of a time target: an explicit symbol wins; "by/before" words mean "<=". */
function timeOp(lead: string | undefined, byWord: boolean): Comparator {
  if (lead !== undefined && SYMBOL_OPS[lead] !== undefined) return SYMBOL_OPS[lead];
  if (lead !== undefined) return "<="; // 不晚于, 截至, 在 …
  return byWord ? "<=" : "=";
}

export function parseTime(text: string): TimeValue | undefined {
  let m = MONTH_DATE.exec(text);
  if (m) {
    const month = Number(m[2]);
    const day = m[3] === undefined ? undefined : Number(m[3]);
    if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) return undefined;
    const byWord = m[5] !== undefined || m[4] === "底" || m[4] === "末";
    return { kind: "time", op: timeOp(m[1], byWord), month, yearEnd: month === 12 };
  }
  m = YEAR_END.exec(text);
  // "年", "2024年" alone say nothing about a deadline: require 底 / 内 / 前 / 完成 ….
  if (
    m &&
    (m[2] !== undefined || m[3] !== undefined || /(?:完成|完工|结束|完毕|验收|到位)$/.test(text))
  ) {
    return { kind: "time", op: timeOp(m[1], true), month: 12, yearEnd: true };
  }
  m = DURATION.exec(text);
  if (m) {
    const months = Number(m[2]);
    if (months < 1) return undefined;
    return { kind: "time", op: timeOp(m[1], m[3] !== undefined), months, yearEnd: false };
  }
  m = QUARTER.exec(text);
  if (m) {
    const month = QUARTER_END[m[2]];
    return { kind: "time", op: timeOp(m[1], true), month, yearEnd: month === 12 };
  }
  m = HALF_YEAR.exec(text);
  if (m) {
    const month = m[2] === "上" ? 6 : 12;
    return { kind: "time", op: timeOp(m[1], true), month, yearEnd: month === 12 };
  }
  return undefined;
}
