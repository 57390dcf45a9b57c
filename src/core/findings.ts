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
