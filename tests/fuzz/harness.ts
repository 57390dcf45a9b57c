/**
 * Runs fuzz cases in worker threads (fuzz-worker.mjs) with a capped heap and a watchdog: a case
 * that throws, never ends, or exhausts the heap is recorded as a failure with its index, the
 * worker is replaced, and the run goes on. Cases are made lazily, case by case, so the run stops
 * when its time budget is spent and says how many ran.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";

export const ROOT = path.resolve(__dirname, "..", "..");
const WORKER = path.join(__dirname, "fuzz-worker.mjs");

export type CaseKind = "xlsx" | "value" | "formula" | "probe";

export interface FuzzCase {
  index: number;
  [field: string]: unknown;
}

export interface Failure {
  index: number;
  detail: string;
}

export interface RunSummary {
  ran: number;
  planned: number;
  failures: Failure[];
  /** How many cases ended each way ("refused: 文件已损坏…", "report with forms"). */
  outcomes: Map<string, number>;
  stoppedByBudget: boolean;
}

export interface RunOptions {
  kind: CaseKind;
  /** Cases to make (or the one case to replay). */
  indices: readonly number[];
  make: (index: number) => FuzzCase;
  /** Stop making new cases after this long; the run reports how many ran. */
  budgetMs: number;
  /** A case still running after this long is a hang. */
  hangMs: number;
  /** Heap cap of each worker: an explosion fails the case, not the machine. */
  heapMb: number;
  workers: number;
  batch: number;
}

const BUILT = path.join(ROOT, "dist", "node", "hosts", "xlsx", "read-buffer.js");

/** Newest modification time of the .ts files under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Compiles the node build the worker loads (dist/node), as the CLI tests do, unless it is newer
 * than every source file (another test of the same run built it a moment ago).
 */
export function buildNode(): void {
  const built = fs.existsSync(BUILT) ? fs.statSync(BUILT).mtimeMs : 0;
  if (built > newestSource(path.join(ROOT, "src"))) return;
  try {
    execFileSync("npm", ["run", "build:node"], { cwd: ROOT, stdio: "pipe" });
  } catch {
    // tsc still emits when another module has a type error; the worker needs only the output.
  }
  if (!fs.existsSync(BUILT)) throw new Error("dist/node was not built");
}

interface WorkerResult {
  index: number;
  ok: boolean;
  outcome?: string;
  detail?: string;
}

type WorkerMessage = WorkerResult | { done: true } | { ready: true };

/** How long a fresh worker may take to load the build before the run gives up on it. */
const STARTUP_MS = 60_000;

/** One worker thread and the batch it is working on. */
class Lane {
  private worker?: Worker;
  private readonly current = new Int32Array(new SharedArrayBuffer(4));
  /** Set when the worker failed or ended; read by the watchdog. */
  private death?: string;
  private onMessage: (message: WorkerMessage) => void = () => {};

  constructor(private readonly options: RunOptions) {}

  /**
   * A fresh worker, once it has loaded the build. A worker that cannot start (the build being
   * rewritten by another test at that moment) is retried; that is no case's failure.
   */
  private async start(): Promise<void> {
    let reason = "";
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 2_000));
      this.death = undefined;
      Atomics.store(this.current, 0, -1);
      const worker = new Worker(WORKER, {
        workerData: { root: ROOT, current: this.current.buffer },
        resourceLimits: {
          maxOldGenerationSizeMb: this.options.heapMb,
          maxYoungGenerationSizeMb: 32,
        },
        stdout: true,
        stderr: true,
      });
      this.worker = worker;
      // Exceljs may print warnings on odd input; the verdict comes from the results only.
      worker.stdout.resume();
      worker.stderr.resume();
      worker.on("message", (message: WorkerMessage) => this.onMessage(message));
      worker.on("error", (error: Error) => {
        this.death ??= `the worker died: ${(error as NodeJS.ErrnoException).code ?? ""} ${error.message}`;
      });
      worker.on("exit", (code) => {
        this.death ??= `the worker exited (${code})`;
      });
      const ready = await new Promise<boolean>((resolve) => {
        const started = Date.now();
        const poll = setInterval(() => {
          if (this.death !== undefined || Date.now() - started > STARTUP_MS) {
            clearInterval(poll);
            resolve(false);
          }
        }, 50);
        this.onMessage = (message) => {
          if ("ready" in message) {
            clearInterval(poll);
            resolve(true);
          }
        };
      });
      if (ready) return;
      reason = this.death ?? `not ready after ${STARTUP_MS} ms`;
      await worker.terminate();
    }
    throw new Error(`the fuzz worker could not start: ${reason}`);
  }

  /**
   * Runs a batch; resolves with a result per case. A case that hangs or kills the worker gets a
   * failure, the worker is restarted, and the cases after it are run on the new one.
   */
  async run(batch: FuzzCase[]): Promise<WorkerResult[]> {
    if (!this.worker) await this.start();
    const results: WorkerResult[] = [];
    let remaining = batch;
    while (remaining.length > 0) {
      const outcome = await this.attempt(remaining);
      results.push(...outcome.results);
      if (!outcome.broken) break;
      const at = remaining.findIndex((item) => item.index === outcome.broken!.index);
      results.push(outcome.broken);
      remaining = remaining.slice(at + 1);
      await this.worker!.terminate();
      await this.start();
    }
    return results;
  }

  private attempt(batch: FuzzCase[]): Promise<{ results: WorkerResult[]; broken?: WorkerResult }> {
    return new Promise((resolve) => {
      const results: WorkerResult[] = [];
      let last = -1;
      let since = Date.now();
      const finish = (broken?: WorkerResult) => {
        clearInterval(watchdog);
        this.onMessage = () => {};
        resolve({ results, broken });
      };
      // The case the worker was on when it died: the first one without a result.
      const runningCase = () => {
        const done = new Set(results.map((r) => r.index));
        return (batch.find((item) => !done.has(item.index)) ?? batch[0]).index;
      };
      this.onMessage = (message) => {
        if ("done" in message) finish();
        else if ("index" in message) results.push(message);
      };
      const watchdog = setInterval(() => {
        if (this.death !== undefined) {
          finish({ index: runningCase(), ok: false, detail: this.death });
          return;
        }
        const now = Atomics.load(this.current, 0);
        if (now !== last) {
          last = now;
          since = Date.now();
        } else if (now >= 0 && Date.now() - since > this.options.hangMs) {
          finish({ index: now, ok: false, detail: `no answer after ${this.options.hangMs} ms` });
        }
      }, 50);
      // Copied, not transferred: after a crash the cases left are sent again to a new worker.
      this.worker!.postMessage({ kind: this.options.kind, cases: batch });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

/**
 * Makes and runs cases on `workers` lanes until all are done or the budget is spent. Failures are
 * collected, never thrown, so one run reports all of them.
 */
export async function runCases(options: RunOptions): Promise<RunSummary> {
  const started = Date.now();
  const summary: RunSummary = {
    ran: 0,
    planned: options.indices.length,
    failures: [],
    outcomes: new Map(),
    stoppedByBudget: false,
  };
  let next = 0;
  const takeBatch = (): FuzzCase[] => {
    const batch: FuzzCase[] = [];
    while (batch.length < options.batch && next < options.indices.length) {
      if (Date.now() - started > options.budgetMs) {
        summary.stoppedByBudget = true;
        break;
      }
      batch.push(options.make(options.indices[next++]));
    }
    return batch;
  };
  const lanes = Array.from({ length: options.workers }, () => new Lane(options));
  try {
    await Promise.all(
      lanes.map(async (lane) => {
        for (let batch = takeBatch(); batch.length > 0; batch = takeBatch()) {
          for (const result of await lane.run(batch)) {
            summary.ran++;
            if (!result.ok) {
              summary.failures.push({ index: result.index, detail: result.detail ?? "" });
            } else {
              const key = result.outcome ?? "ok";
              summary.outcomes.set(key, (summary.outcomes.get(key) ?? 0) + 1);
            }
          }
        }
      }),
    );
  } finally {
    await Promise.all(lanes.map((lane) => lane.close()));
  }
  summary.failures.sort((a, b) => a.index - b.index);
  return summary;
}

/** The run's summary as printed: counts, outcomes, and how to replay each failure. */
export function describeRun(
  title: string,
  seed: number,
  summary: RunSummary,
  show: (index: number) => string,
): string {
  const lines = [
    `${title}: seed ${seed}, ${summary.ran} of ${summary.planned} cases run` +
      (summary.stoppedByBudget ? " (time budget spent)" : ""),
    ...[...summary.outcomes.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([outcome, count]) => `  ${count} × ${outcome}`),
  ];
  for (const failure of summary.failures.slice(0, 20)) {
    lines.push(
      `  FAILED case ${failure.index} — replay: FUZZ_SEED=${seed} FUZZ_CASE=${failure.index}`,
      `    ${show(failure.index)}`,
      ...failure.detail.split("\n").map((line) => `    ${line}`),
    );
  }
  return lines.join("\n");
}
