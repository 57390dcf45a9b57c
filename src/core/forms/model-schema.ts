import { z } from "zod";
import { FUNDS_COLUMNS } from "./model";

/**
 * The zod schemas of the form model (./model holds its types and constants). Only tests load this
 * module, to check that what detection reads has the model's shape: the command line must start
 * without loading zod.
 */

/** One cell of a form: where it is, what it displays, and the stored number if it held one. */
export const FieldSchema = z.object({
  address: z.string(),
  text: z.string(),
  /** Set when the cell stored a number (as opposed to text that looks like one). */
  numeric: z.number().optional(),
});

/** A row of the 项目资金 block: 年度资金总额 or one of its breakdown rows. */
export const FundsRowSchema = z.object({
  row: z.number().int(),
  label: FieldSchema,
  initial: FieldSchema.optional(),
  budget: FieldSchema.optional(),
  executed: FieldSchema.optional(),
  weight: FieldSchema.optional(),
  rate: FieldSchema.optional(),
  score: FieldSchema.optional(),
  /** The 原因 cell of forms whose funds block has that column (Sichuan). */
  reason: FieldSchema.optional(),
});

/** The six value columns of the funds block, in their usual order. */
export const FundsColumnSchema = z.enum(FUNDS_COLUMNS);

export const FundsSchema = z.object({
  /** Row of the column heads (年初预算数 | 全年预算数 | …). */
  headerRow: z.number().int(),
  /**
   * Columns the head row does not have (e.g. ["score"] for a form without 得分). Their Fields still
   * exist, empty, at the address where the value would go; rules use this to tell "left empty" from
   * "no such cell". Undefined or [] when every column is there.
   */
  missingColumns: z.array(FundsColumnSchema).optional(),
  /**
   * The unit the block's head names: "元" for `项目资金(元)`, else 万元 (undefined). Amounts in the
   * block are in this unit unless a cell says otherwise; ratios and sums do not depend on it.
   */
  unit: z.enum(["元", "万元"]).optional(),
  total: FundsRowSchema.optional(),
  appropriation: FundsRowSchema.optional(),
  carryover: FundsRowSchema.optional(),
  other: FundsRowSchema.optional(),
  /**
   * Breakdown rows beyond the national three, in order (Sichuan: 财政专户管理资金, 单位资金). They
   * are part of 年度资金总额 like the others.
   */
  extra: z.array(FundsRowSchema).optional(),
});

/** One row of the 绩效指标 table. 一级 / 二级 are carried down from the first row of their group. */
export const IndicatorRowSchema = z.object({
  row: z.number().int(),
  /*
   * level1 / level2 are the group names without their points ("产出指标(70分)" → "产出指标"), name
   * without a numbering prefix ("指标1:"). A target split over 指标性质 / 指标值 / 度量单位 columns is
   * one Field at the 指标值 cell whose text joins the three ("≥" "95" "%" → "≥95%"); a bare-number
   * actual gets the 度量单位 too, so the two compare in the same unit.
   */
  level1: z.string(),
  level2: z.string(),
  name: FieldSchema,
  target: FieldSchema,
  actual: FieldSchema,
  weight: FieldSchema,
  score: FieldSchema,
  explanation: FieldSchema,
});

export const IndicatorsSchema = z.object({
  /** The head row cell (一级指标 …), where a missing-section finding about the table points. */
  headerRow: z.number().int(),
  header: FieldSchema,
  rows: z.array(IndicatorRowSchema),
  /** Head labels the table lacks (e.g. ["score"]); their Fields are empty at the implied column. */
  missingColumns: z
    .array(z.enum(["name", "target", "actual", "weight", "score", "explanation"]))
    .optional(),
});

export const FormSchema = z.object({
  sheet: z.string(),
  /** The whole form as "A1:H30". */
  range: z.string(),
  title: FieldSchema,
  /** "2023" when the form says （2023年度）. */
  year: z.string().optional(),
  projectName: FieldSchema.optional(),
  department: FieldSchema.optional(),
  implementer: FieldSchema.optional(),
  /** 项目负责人 and 联系电话 (Beijing forms), when the form has that row. */
  leader: FieldSchema.optional(),
  phone: FieldSchema.optional(),
  funds: FundsSchema.optional(),
  goals: z.object({ expected: FieldSchema.optional(), actual: FieldSchema.optional() }).optional(),
  indicators: IndicatorsSchema.optional(),
  total: z
    .object({ label: FieldSchema, weight: FieldSchema.optional(), score: FieldSchema.optional() })
    .optional(),
  grade: z.object({ label: FieldSchema, value: FieldSchema.optional() }).optional(),
});
