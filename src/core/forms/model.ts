import type { z } from "zod";
import type {
  FieldSchema,
  FormSchema,
  FundsRowSchema,
  FundsSchema,
  IndicatorRowSchema,
  IndicatorsSchema,
} from "./model-schema";

/**
 * The typed model of one 项目支出绩效自评表 as read from a cell grid. Every value keeps the A1
 * address it came from, so a finding can point at the cell (even an empty one) that needs a fix.
 *
 * The shapes are written once, as zod schemas in ./model-schema (where each field is described),
 * and the types here are inferred from them. The imports above are type-only and vanish from the
 * compiled code, so nothing that reads or checks forms loads zod at run time.
 */

/** One cell of a form: where it is, what it displays, and the stored number if it held one. */
export type Field = z.infer<typeof FieldSchema>;

/** A row of the 项目资金 block: 年度资金总额 or one of its breakdown rows. */
export type FundsRow = z.infer<typeof FundsRowSchema>;

/** The six value columns of the funds block, in their usual order. */
export const FUNDS_COLUMNS = ["initial", "budget", "executed", "weight", "rate", "score"] as const;
export type FundsColumn = (typeof FUNDS_COLUMNS)[number];

/** Each funds column's head as the 财预〔2020〕10号 template prints it, for messages and templates. */
export const FUNDS_COLUMN_HEADS: Readonly<Record<FundsColumn, string>> = {
  initial: "年初预算数",
  budget: "全年预算数",
  executed: "全年执行数",
  weight: "分值",
  rate: "执行率",
  score: "得分",
};

/** The 项目资金 block: its head row, which columns it has, and its rows. */
export type Funds = z.infer<typeof FundsSchema>;

/** One row of the 绩效指标 table. 一级 / 二级 are carried down from the first row of their group. */
export type IndicatorRow = z.infer<typeof IndicatorRowSchema>;

/** The 绩效指标 table: its head and its rows. */
export type Indicators = z.infer<typeof IndicatorsSchema>;

/** One whole form: where it is on its sheet and every part detection found. */
export type Form = z.infer<typeof FormSchema>;
