import { allFindings } from "../core/file-report";
import { SEVERITY_LABEL, countBySeverity, type Finding, type Severity } from "../core/findings";
import type { Profile } from "../core/profiles/schema";
import { formatRate } from "../core/scoring";
import type { CheckResult } from "./check";
import { visible } from "./visible";

/**
 * Text report for people: file, form, sheet!cell, severity, message, counts. Everything that comes
 * from a workbook or a file name goes through visible(): a cell cannot drive the terminal nor
 * forge a report line.
 */

const COLOURS: Record<Severity | "bold" | "dim", [string, string]> = {
  error: ["\u001b[31m", "\u001b[39m"],
  warning: ["\u001b[33m", "\u001b[39m"],
  info: ["\u001b[36m", "\u001b[39m"],
  bold: ["\u001b[1m", "\u001b[22m"],
  dim: ["\u001b[2m", "\u001b[22m"],
};

/** The 执行率 is shown as the profile displays it (Shanghai truncates), like the form prints it. */
export function formatText(result: CheckResult, colour: boolean, profile: Profile): string {
  const paint = (style: keyof typeof COLOURS, text: string): string =>
    colour ? `${COLOURS[style][0]}${text}${COLOURS[style][1]}` : text;
  let formCount = 0;
  const lines: string[] = [];

  const findingLine = (finding: Finding): string => {
    const where = finding.sheet ? visible(`${finding.sheet}!${finding.cell}`) : "";
    const severity = paint(finding.severity, SEVERITY_LABEL[finding.severity]);
    const message = visible(finding.message);
    return `    ${where ? `${where}  ` : ""}${severity}  ${message}  ${paint("dim", visible(finding.rule))}`;
  };

  for (const file of result.files) {
    lines.push(paint("bold", visible(file.file)));
    for (const finding of file.findings) lines.push(findingLine(finding));
    file.forms.forEach((form, index) => {
      formCount++;
      const facts: string[] = [];
      const rate = form.execution.rate;
      if (rate !== null) facts.push(`执行率 ${formatRate(rate, profile)}`);
      if (form.total.printed !== null) facts.push(`总分 ${form.total.printed}`);
      if (form.grade !== null) facts.push(`等级 ${form.grade}`);
      const name = visible(form.projectName ?? "（未填写项目名称）");
      lines.push(
        `  表 ${index + 1}：${name}  ${paint("dim", visible(`${form.sheet}!${form.range}`))}` +
          (facts.length ? `  ${facts.join("，")}` : ""),
      );
      if (form.findings.length === 0) lines.push(`    ${paint("dim", "未发现问题")}`);
      for (const finding of form.findings) lines.push(findingLine(finding));
    });
    lines.push("");
  }
  const counts = countBySeverity(result.files.flatMap(allFindings));
  lines.push(
    `共检查 ${result.files.length} 个文件、${formCount} 张表：` +
      `${paint("error", `错误 ${counts.error}`)}，${paint("warning", `警告 ${counts.warning}`)}，` +
      `${paint("info", `提示 ${counts.info}`)}`,
  );
  return lines.join("\n") + "\n";
}
