/**
 * A small seeded PRNG (mulberry32) for the fuzz tests: every case draws from its own generator,
 * seeded from the run's seed and the case number, so one case can be replayed alone.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The generator of case `index` of a run seeded with `seed`. */
  static forCase(seed: number, index: number): Prng {
    // Mix so neighbouring cases do not start from neighbouring states.
    let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    return new Prng(h ^ (h >>> 16));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

/** The run's seed: FUZZ_SEED when set (to replay a failure), else a fixed one. */
export function fuzzSeed(fallback: number): number {
  const text = process.env.FUZZ_SEED;
  if (text === undefined || text === "") return fallback;
  const seed = Number(text);
  if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got ${text}`);
  return seed >>> 0;
}

/** A positive integer from the environment (FUZZ_CASES, FUZZ_BUDGET_MS), else the default. */
export function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** FUZZ_CASE=<n> replays one case only; undefined runs them all. */
export function onlyCase(): number | undefined {
  const value = Number(process.env.FUZZ_CASE);
  return process.env.FUZZ_CASE !== undefined && Number.isInteger(value) ? value : undefined;
}
