/**
 * The reviewer's summary of a run (`perf-eval check --report` and the web checker's 下载汇总表): a
 * row per form and a row per finding. Host-neutral (no Node or DOM API): the command line and the
 * browser worker build the same rows from the same reports.
 */
import { allFindings, type FileReport } from "../../core/file-report";
import { SEVERITY_LABEL, countBySeverity } from "../../core/findings";
import { detectForms } from "../../core/forms";
import type { Form } from "../../core/forms/model";
import type { WorkbookGrid } from "../../core/grid";
import type { Profile } from "../../core/profiles/schema";
import { readAmount } from "../../core/rules/fields";
import { displayRatePercent } from "../../core/scoring";

/**
 * What the summary shows of a form beyond its FormReport: 主管部门 and 全年预算数 (年度资金总额's
 * 全年预算数). Read from the form model here so that the report shape (--json) stays as it is.
 */
export interface FormFacts {
  sheet: string;
  range: string;
  department: string;
  /** The amount as stored (a number), the text when it is not a number, null when empty. */
  budget: number | string | null;
  /** The unit the funds block names (元 for 项目资金(元)), else 万元. */
  unit: "元" | "万元";
}

/** The facts of every form of a workbook, in the order validateWorkbook reports the forms. */
export function formFacts(workbook: WorkbookGrid): FormFacts[] {
  return factsOfForms(workbook.sheets.flatMap((sheet) => detectForms(sheet)));
}

/** The facts of forms already detected (the command line detects each workbook once). */
export function factsOfForms(forms: readonly Form[]): FormFacts[] {
  return forms.map((form): FormFacts => {
    const field = form.funds?.total?.budget;
    const text = field?.text.trim() ?? "";
    const amount = field === undefined ? undefined : readAmount(field);
    return {
      sheet: form.sheet,
      range: form.range,
      department: form.department?.text.trim() ?? "",
      budget: field?.numeric ?? amount?.value ?? (text === "" ? null : text),
      unit: form.funds?.unit ?? "万元",
    };
  });
}

/** One row of the 表格汇总 sheet: a form, or a file that has none (unreadable, or no form found). */
export interface FormRow {
  file: string;
  /** Where the file name links to (relative to the summary's folder). */
  link: string;
  sheet: string;
  projectName: string;
  department: string;
  budget: number | string | null;
  unit: "元" | "万元";
  /** The 执行率 as the profile displays it, as a fraction (0.9904), or null. */
  rate: number | null;
  /** The printed 总分, else the computed one; null when neither is known. */
  total: number | null;
  grade: string;
  error: number;
  warning: number;
  info: number;
  /** Why a file has no form row of its own: its unreadable reason or the no-form message. */
  note: string;
}

/** One row of the 问题清单 sheet. */
export interface FindingRow {
  file: string;
  link: string;
  /** "表1!F5", or "" for a finding about the whole file. */
  where: string;
  rule: string;
  severity: string;
  message: string;
}

export interface SummaryRows {
  forms: FormRow[];
  findings: FindingRow[];
}

/**
 * The rows for a run, files in report order. `facts[i]` are file i's FormFacts (undefined when it
 * was not read); `linkOf` gives the hyperlink target of a file name.
 */
export function summaryRows(
  files: readonly FileReport[],
  facts: readonly (readonly FormFacts[] | undefined)[],
  profile: Profile,
  linkOf: (file: string) => string = (file) => file,
): SummaryRows {
  const forms: FormRow[] = [];
  const findings: FindingRow[] = [];
  files.forEach((file, index) => {
    const link = linkOf(file.file);
    const base = { file: file.file, link };
    const known = facts[index] ?? [];
    for (const form of file.forms) {
      // By place, not position: department 评分表 are reported among the forms but have no facts.
      const fact = known.find((f) => f.sheet === form.sheet && f.range === form.range);
      const counts = countBySeverity(form.findings);
      forms.push({
        ...base,
        sheet: form.sheet,
        projectName: form.projectName,
        department: fact?.department ?? "",
        budget: fact?.budget ?? null,
        unit: fact?.unit ?? "万元",
        rate:
          form.execution.rate === null
            ? null
            : displayRatePercent(form.execution.rate, profile) / 100,
        total: form.total.printed ?? form.total.computed,
        grade: form.grade ?? "",
        ...counts,
        note: "",
      });
    }
    if (file.forms.length === 0) {
      const counts = countBySeverity(file.findings);
      forms.push({
        ...base,
        sheet: "",
        projectName: "",
        department: "",
        budget: null,
        unit: "万元",
        rate: null,
        total: null,
        grade: "",
        ...counts,
        note: file.findings.map((f) => f.message).join("；"),
      });
    }
    for (const finding of allFindings(file)) {
      findings.push({
        ...base,
        where: finding.sheet ? `${finding.sheet}!${finding.cell}` : "",
        rule: finding.rule,
        severity: SEVERITY_LABEL[finding.severity],
        message: finding.message,
      });
    }
  });
  return { forms, findings };
}

/** Columns of the 问题清单 (also the CSV's): one place, so both say the same. */
export const FINDING_HEADS = ["文件", "位置", "规则", "严重程度", "说明"] as const;

export function findingCells(row: FindingRow): string[] {
  return [row.file, row.where, row.rule, row.severity, row.message];
}
