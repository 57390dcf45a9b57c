/**
 * Form detection and reading (domain.md §2). STUB SIGNATURE — implemented by the forms owner.
 */
import type { SheetGrid } from "../grid";
import type { Form } from "./model";

export * from "./model";

/** Every 项目支出绩效自评表 on a sheet, found by its labels, in top-to-bottom order. */
export function detectForms(sheet: SheetGrid): Form[] {
  void sheet;
  throw new Error("not implemented");
}
