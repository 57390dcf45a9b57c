import { FINDING_HEADS, findingCells, summaryRows } from "../hosts/web/summary";
import type { Profile } from "../core/profiles/schema";
import type { CheckResult } from "./check";
import { visible } from "./visible";

/**
 * `check --format csv`: one line per finding (文件, 位置, 规则, 严重程度, 说明) for other tools and
 * for Excel. UTF-8 with a byte order mark, which is how Excel knows the Chinese is UTF-8; fields
 * quoted as RFC 4180 says, lines ending in CRLF. A field that starts with = + - @ would be run as a formula by a spreadsheet (a submitter chooses the cell text
 * quoted in messages, and the file names): it gets a leading ' so it stays text. Control and bidi
 * characters are shown as escapes, as in the text report.
 */
export function formatCsv(result: CheckResult, profile: Profile): string {
  const { findings } = summaryRows(result.files, [], profile);
  const lines = [
    FINDING_HEADS.map(csvField),
    ...findings.map((row) => findingCells(row).map(csvField)),
  ];
  return `\uFEFF${lines.map((fields) => fields.join(",")).join("\r\n")}\r\n`;
}

/** Tab and CR are also formula starts for some tools; visible() has made them \\t and \\r. */
const FORMULA_START = /^[=+\-@]/;

export function csvField(text: string): string {
  const shown = visible(text);
  const defused = FORMULA_START.test(shown) ? `'${shown}` : shown;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}
