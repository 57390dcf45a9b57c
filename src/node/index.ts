/**
 * Package main entry (`require("perf-eval-addin")`), compiled by tsc to dist/node/index.js.
 * PERF is the same object the spreadsheet functions call; errors are thrown as PerfError with
 * `.code` ("#DIV/0!", "#VALUE!", "#N/A", "#NUM!").
 */
export {
  PERF,
  PERF_FUNCTION_IDS,
  type PerfFunctionId,
  type CellInput,
  type CellOrRange,
} from "../functions/perf";
export { PerfError, isPerfError, type PerfErrorCode } from "../core/errors";

export * from "../core/values";
export * from "../core/scoring";
export * from "../core/profiles";
// Kept out of core/profiles (it loads zod, which the command line does not need); same API.
export { ProfileSchema } from "../core/profiles/schema";
export { withOverrides, type ProfileOverrides } from "../core/profiles/overrides";
// Both values and scoring export Comparator; name the one source explicitly.
export type { Comparator } from "../core/values/types";
