import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { FUNDS_COLUMN_HEADS, FUNDS_COLUMNS, type FundsColumn } from "../../../src/core/forms/model";
import { FundsColumnSchema, FundsSchema } from "../../../src/core/forms/model-schema";

/**
 * The form model's constants live in model.ts (loaded at run time, without zod), its schemas in
 * model-schema.ts: both must name the same funds columns.
 */
describe("form model constants and schemas", () => {
  it("the funds column schema is built from FUNDS_COLUMNS, in the template's order", () => {
    expect(FUNDS_COLUMNS).toEqual(["initial", "budget", "executed", "weight", "rate", "score"]);
    expect(FundsColumnSchema.options).toEqual([...FUNDS_COLUMNS]);
    expect(Object.keys(FUNDS_COLUMN_HEADS)).toEqual([...FUNDS_COLUMNS]);
    expectTypeOf<FundsColumn>().toEqualTypeOf<z.infer<typeof FundsColumnSchema>>();
  });

  it("a funds block may miss only columns FUNDS_COLUMNS names", () => {
    expect(FundsSchema.safeParse({ headerRow: 3, missingColumns: ["score"] }).success).toBe(true);
    expect(FundsSchema.safeParse({ headerRow: 3, missingColumns: ["reason"] }).success).toBe(false);
  });
});
