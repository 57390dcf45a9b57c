/**
 * Form detection and reading (domain.md §2): every 项目支出绩效自评表 on a sheet, found by its
 * labels, in top-to-bottom order.
 */
export * from "./model";
export { detectForms } from "./detect";
export { normalizeLabel } from "./labels";
