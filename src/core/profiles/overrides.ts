/**
 * Profiles changed by their user: options from outside the program are checked against the zod
 * schema here. Only this module (and tests) load zod; the built-in profiles in ./index do not.
 */
import { PerfError } from "../errors";
import { checkedProfile } from "./checks";
import { ProfileSchema, type Profile } from "./schema";

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

/** Parses and checks a profile; throws a PerfError (#VALUE!) with a Chinese message otherwise. */
function validated(candidate: unknown, what: string): Profile {
  const result = ProfileSchema.safeParse(candidate);
  if (!result.success) {
    throw new PerfError("#VALUE!", `${what}无效：${describeIssues(result.error)}`);
  }
  return checkedProfile(result.data, what);
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
