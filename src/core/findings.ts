/** A validation finding (product.md §2). `cell` is an A1 address on `sheet`. */
export type Severity = "error" | "warning" | "info";

export interface Finding {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  /** Chinese, says what to do. */
  message: string;
  expected?: string;
  actual?: string;
}

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: "错误",
  warning: "警告",
  info: "提示",
};

/** Findings per severity, for "错误 2，警告 1，提示 0" lines. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
