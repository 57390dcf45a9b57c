/**
 * Named scoring profiles (domain.md §4): the regional options as data the user can see and change.
 *
 * The built-in profiles are typed as `Profile`, and tests/core/profiles check them against
 * ProfileSchema; at load they only get the cross-field checks, so that every command-line check
 * and worker thread starts without loading zod. Changed profiles (withOverrides, ./overrides) are
 * checked against the schema.
 */
import { PerfError } from "../errors";
import { cappedData } from "./capped";
import { checkedProfile } from "./checks";
import { nationalData } from "./national";
import type { Profile } from "./schema";
import { shanghaiData } from "./shanghai";

export type { Profile } from "./schema";

/**
 * A copy of a built-in profile's data, down to its nested objects: the data modules share nested
 * objects (shanghai and capped spread national), and freezing must not reach the data itself.
 */
function builtIn(data: Profile, what: string): Profile {
  return checkedProfile(
    {
      ...data,
      totalCaps: data.totalCaps.map((cap) => ({ ...cap })),
      level1Weights: { ...data.level1Weights },
      qualitativeBands: { ...data.qualitativeBands },
    },
    what,
  );
}

export const national: Profile = builtIn(nationalData, "评分方案 national ");
export const shanghai: Profile = builtIn(shanghaiData, "评分方案 shanghai ");
export const capped: Profile = builtIn(cappedData, "评分方案 capped ");

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
