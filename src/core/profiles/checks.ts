/**
 * The checks every profile passes before use that need no schema library: the relations between
 * fields, and freezing. Kept apart from the zod schema so that loading the built-in profiles (every
 * command-line check, every worker thread) does not load zod.
 */
import { PerfError } from "../errors";
import type { Profile } from "./schema";

/** Checks the relations between fields that the schema alone does not express. */
function semanticProblems(profile: Profile): string[] {
  const problems: string[] = [];
  const { met, partial } = profile.qualitativeBands;
  if (!(partial >= 0 && partial < met && met <= 1)) {
    problems.push("qualitativeBands 应满足 0 ≤ 部分达成 < 达成 ≤ 1");
  }
  if (profile.fundsWeight > profile.totalWeight) {
    problems.push("fundsWeight（预算执行率分值）不能大于 totalWeight（总分分值）");
  }
  return problems;
}

/** Profiles are shared module-level data: freezing stops one caller's edit leaking into others. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * `profile`, frozen, once its fields agree with each other; throws a PerfError (#VALUE!) with a
 * Chinese message (`${what}无效：…`) otherwise. The caller has checked the shape already.
 */
export function checkedProfile(profile: Profile, what: string): Profile {
  const problems = semanticProblems(profile);
  if (problems.length > 0) {
    throw new PerfError("#VALUE!", `${what}无效：${problems.join("；")}`);
  }
  return deepFreeze(profile);
}
