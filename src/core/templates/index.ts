/**
 * Blank templates as data: `templateSpec(kind, { year, unit })` gives the spec every host adapter
 * renders (xlsx via exceljs, Excel, WPS).
 */
import { departmentTemplate } from "./department";
import { projectTemplate } from "./project";
import type { TemplateSpec } from "./spec";

export type TemplateKind = "project" | "project-2021" | "department";

export const TEMPLATE_KINDS: readonly TemplateKind[] = ["project", "project-2021", "department"];

/** Chinese names for menus and messages. */
export const TEMPLATE_TITLES: Record<TemplateKind, string> = {
  project: "项目支出绩效自评表（成本指标在产出指标下）",
  "project-2021": "项目支出绩效自评表（2021版，成本指标为一级指标）",
  department: "部门整体支出绩效评价指标体系评分表",
};

export interface TemplateOptions {
  year: number;
  /** 主管部门 / 实施单位 / 部门名称, prefilled when given. */
  unit?: string;
}

export function isTemplateKind(value: string): value is TemplateKind {
  return (TEMPLATE_KINDS as readonly string[]).includes(value);
}

export function templateSpec(kind: TemplateKind, options: TemplateOptions): TemplateSpec {
  switch (kind) {
    case "project":
    case "project-2021":
      return projectTemplate({ kind, year: options.year, unit: options.unit });
    case "department":
      return departmentTemplate({ year: options.year, unit: options.unit });
  }
}

export { departmentLayout } from "./department";
export { DEPARTMENT_INDICATORS } from "./department-indicators";
export {
  executionRateFormula,
  executionScoreFormula,
  gradeFormula,
  projectTemplate,
} from "./project";
export * from "./spec";
