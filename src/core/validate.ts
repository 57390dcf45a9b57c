/**
 * The validation runner: forms found on every sheet, every rule run on each, one report per form
 * shaped as product.md §3 `--json` describes.
 */
import type { Finding } from "./findings";
import { detectForms } from "./forms";
import { detectDepartmentForms, type DepartmentForm } from "./forms/department";
import type { Form } from "./forms/model";
import { fromA1, type SheetGrid, type WorkbookGrid } from "./grid";
import type { Profile } from "./profiles/schema";
import { rules as allRules, runRules, type Rule } from "./rules";
import { departmentRules, runDepartmentRules, type DepartmentRule } from "./rules/department";
import { sumOf } from "./rules/department/cells";
import { readExecution, sumIndicatorScores } from "./rules/execution";
import { printedNumber } from "./rules/fields";
import { grade, sumScores, type Grade } from "./scoring";

export interface FormReport {
  sheet: string;
  /** The whole form as "A1:H30". */
  range: string;
  projectName: string;
  execution: {
    /** Exact execution rate (fraction) from the printed amounts, or null. */
    rate: number | null;
    /** Execution score the profile gives for that rate, or null. */
    score: number | null;
  };
  total: {
    /** The printed 总分 得分 when it is a number. */
    printed: number | null;
    /** Computed execution score + Σ printed indicator scores. */
    computed: number | null;
  };
  /** Grade of the total (printed, else computed), or null when no total is known. */
  grade: Grade | null;
  findings: Finding[];
}

export interface WorkbookReport {
  forms: FormReport[];
  /** Findings about the file as a whole (no form found). */
  findings: Finding[];
}

export interface ValidateOptions {
  /** Rules to run (all by default). */
  rules?: readonly Rule[];
}

export interface ValidateWorkbookOptions extends ValidateOptions {
  /** The workbook's forms when the caller detected them already (detectWorkbookForms). */
  detected?: readonly DetectedForm[];
}

export function validateForm(
  form: Form,
  profile: Profile,
  options: ValidateOptions = {},
): FormReport {
  const execution = readExecution(form, profile);
  const indicators = sumIndicatorScores(form);
  const computed =
    execution === undefined || indicators === undefined
      ? null
      : sumScores([execution.score, indicators.sum]);
  const printed = printedNumber(form.total?.score)?.value ?? null;
  const gradeOf = printed ?? computed;
  return {
    sheet: form.sheet,
    range: form.range,
    projectName: form.projectName?.text.trim() ?? "",
    execution: { rate: execution?.rate ?? null, score: execution?.score ?? null },
    total: { printed, computed },
    grade: gradeOf === null ? null : grade(gradeOf),
    findings: sortFindings(runEachRule(form, profile, options.rules ?? allRules), [form.sheet]),
  };
}

/**
 * Runs the rules one by one so that a rule failing on an odd form costs only its own check: a
 * reviewer going through hundreds of workbooks still gets every other finding, and is told which
 * check could not run.
 */
function runEachRule(form: Form, profile: Profile, selected: readonly Rule[]): Finding[] {
  return selected.flatMap((rule) => {
    try {
      return runRules(form, profile, [rule]);
    } catch (error) {
      const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
      return [
        {
          rule: rule.meta.id,
          severity: "warning" as const,
          sheet: form.sheet,
          cell: form.title.address,
          message: `“${rule.meta.description}”这项检查未能完成（${detail}）：请人工核对本表`,
        },
      ];
    }
  });
}

/** A form of either kind that detection found, as validateWorkbook checks it. */
export type DetectedForm =
  { kind: "project"; form: Form } | { kind: "department"; form: DepartmentForm };

/**
 * The forms of one sheet: the project forms, then the department 评分表 (domain.md §6). Hidden
 * sheets are read too: a reviewer must know about a form someone hid.
 */
export function detectSheetForms(sheet: SheetGrid): DetectedForm[] {
  return [
    ...detectForms(sheet).map((form) => ({ kind: "project" as const, form })),
    ...detectDepartmentForms(sheet).map((form) => ({ kind: "department" as const, form })),
  ];
}

/**
 * One detected form's report, its findings ordered as the workbook's (sheetOrder). A selection of
 * rules (options.rules) selects the department checks with the same ids.
 */
export function validateDetected(
  detected: DetectedForm,
  profile: Profile,
  sheetOrder: readonly string[],
  options: ValidateOptions = {},
): FormReport {
  const report =
    detected.kind === "project"
      ? validateForm(detected.form, profile, options)
      : validateDepartmentForm(detected.form, profile, departmentChecks(options));
  return { ...report, findings: sortFindings(report.findings, sheetOrder) };
}

function departmentChecks(options: ValidateOptions): readonly DepartmentRule[] {
  if (!options.rules) return departmentRules;
  const ids = new Set(options.rules.map((rule) => rule.meta.id));
  return departmentRules.filter((rule) => ids.has(rule.meta.id));
}

/** Reports in workbook order: by sheet, then top row (sort is stable for ties). */
export function orderReports(
  reports: readonly FormReport[],
  sheetOrder: readonly string[],
): FormReport[] {
  const keyed = reports.map((report) => ({
    report,
    sheet: sheetOrder.indexOf(report.sheet),
    top: topRow(report),
  }));
  keyed.sort((a, b) => a.sheet - b.sheet || a.top - b.top);
  return keyed.map((entry) => entry.report);
}

/** Every form of every sheet, sheet by sheet (detectSheetForms). */
export function detectWorkbookForms(workbook: WorkbookGrid): DetectedForm[] {
  return workbook.sheets.flatMap((sheet) => detectSheetForms(sheet));
}

export function validateWorkbook(
  workbook: WorkbookGrid,
  profile: Profile,
  options: ValidateWorkbookOptions = {},
): WorkbookReport {
  const sheetOrder = workbook.sheets.map((sheet) => sheet.name);
  const detected = options.detected ?? detectWorkbookForms(workbook);
  const reports = orderReports(
    detected.map((form) => validateDetected(form, profile, sheetOrder, options)),
    sheetOrder,
  );
  const findings: Finding[] = [];
  if (reports.length === 0) {
    findings.push({
      rule: "no-form",
      severity: "warning",
      sheet: workbook.sheets[0]?.name ?? "",
      cell: "A1",
      message:
        "未在任何工作表中找到项目支出绩效自评表：请确认表格标题为“项目支出绩效自评表”，并包含项目资金、绩效指标和总分等部分",
    });
  }
  return { forms: reports, findings: sortFindings(findings, sheetOrder) };
}

/**
 * The report of a department 评分表: projectName is its 部门名称 (the title when that is blank), no
 * execution rate, the total printed and the sum of the 自评得分.
 */
export function validateDepartmentForm(
  form: DepartmentForm,
  profile: Profile,
  checks: readonly DepartmentRule[] = departmentRules,
): FormReport {
  const printed = printedNumber(form.total?.score)?.value ?? null;
  const computed = form.rows.length > 0 ? (sumOf(form.rows.map((row) => row.score)) ?? null) : null;
  const gradeOf = printed ?? computed;
  const unit = form.unitName?.text.trim() ?? "";
  return {
    sheet: form.sheet,
    range: form.range,
    projectName: unit !== "" ? unit : form.title.text.trim(),
    execution: { rate: null, score: null },
    total: { printed, computed },
    grade: gradeOf === null ? null : grade(gradeOf),
    findings: sortFindings(runDepartmentRules(form, profile, checks), [form.sheet]),
  };
}

function topRow(report: FormReport): number {
  return fromA1(report.range.split(":")[0] ?? "")?.row ?? 0;
}

/** By sheet (workbook order), then row, then column; stable otherwise (rule order). */
export function sortFindings(
  findings: readonly Finding[],
  sheetOrder: readonly string[],
): Finding[] {
  const sheetIndex = (name: string) => {
    const index = sheetOrder.indexOf(name);
    return index < 0 ? sheetOrder.length : index;
  };
  // Each finding's place is worked out once, not at every comparison.
  const keyed = findings.map((finding) => {
    const at = fromA1(finding.cell);
    return { finding, sheet: sheetIndex(finding.sheet), row: at?.row ?? 0, col: at?.col ?? 0 };
  });
  keyed.sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.col - b.col);
  return keyed.map((entry) => entry.finding);
}
