/**
 * Named scoring profiles (domain.md §4): the regional options as data the user can see and change.
 */
import { PerfError } from "../errors";
import { cappedData } from "./capped";
import { nationalData } from "./national";
import { ProfileSchema, type Profile } from "./schema";
import { shanghaiData } from "./shanghai";

export { ProfileSchema, type Profile } from "./schema";

/** Overrides for `withOverrides`: any field, nested objects partially. */
export type ProfileOverrides = Partial<Omit<Profile, "level1Weights" | "qualitativeBands">> & {
  level1Weights?: Partial<Profile["level1Weights"]>;
  qualitativeBands?: Partial<Profile["qualitativeBands"]>;
};

function describeIssues(error: { issues: readonly { path: PropertyKey[]; message: string }[] }) {
  return error.issues
    .map((issue) => `${issue.path.map(String).join(".") || "(整体)"}：${issue.message}`)
    .join("；");
}

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

/** Parses and checks a profile; throws a PerfError (#VALUE!) with a Chinese message otherwise. */
function validated(candidate: unknown, what: string): Profile {
  const result = ProfileSchema.safeParse(candidate);
  if (!result.success) {
    throw new PerfError("#VALUE!", `${what}无效：${describeIssues(result.error)}`);
  }
  const problems = semanticProblems(result.data);
  if (problems.length > 0) {
    throw new PerfError("#VALUE!", `${what}无效：${problems.join("；")}`);
  }
  return deepFreeze(result.data);
}

/** Profiles are shared module-level data: freezing stops one caller's edit leaking into others. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export const national: Profile = validated(nationalData, "评分方案 national ");
export const shanghai: Profile = validated(shanghaiData, "评分方案 shanghai ");
export const capped: Profile = validated(cappedData, "评分方案 capped ");

/** Every built-in profile; the first is the default. */
export const profiles: readonly Profile[] = Object.freeze([national, shanghai, capped]);

/** The default profile name (`--profile` omitted, PERF.RATESCORE without a profile). */
export const defaultProfileName = national.name;

/**
 * A built-in profile by name (`national`, `shanghai`, `capped`; case and surrounding spaces are
 * ignored, the Chinese label is accepted too). Throws a PerfError (#VALUE!) listing the valid names.
 */
export function getProfile(name: string): Profile {
  const wanted = String(name ?? "").trim();
  const found = profiles.find(
    (profile) => profile.name === wanted.toLowerCase() || profile.label === wanted,
  );
  if (!found) {
    const valid = profiles.map((profile) => `${profile.name}（${profile.label}）`).join("、");
    throw new PerfError("#VALUE!", `未知的评分方案“${wanted}”。可用的评分方案：${valid}`);
  }
  return found;
}

/**
 * A copy of `profile` with some options changed, validated like a built-in one. Nested objects
 * (level1Weights, qualitativeBands) merge field by field; totalCaps is replaced as a whole.
 * Throws a PerfError (#VALUE!) with a Chinese message naming the invalid fields.
 */
export function withOverrides(profile: Profile, overrides: ProfileOverrides): Profile {
  const merged = {
    ...profile,
    ...overrides,
    totalCaps: (overrides.totalCaps ?? profile.totalCaps).map((cap) => ({ ...cap })),
    level1Weights: { ...profile.level1Weights, ...overrides.level1Weights },
    qualitativeBands: { ...profile.qualitativeBands, ...overrides.qualitativeBands },
  };
  return validated(merged, "评分方案设置");
}
