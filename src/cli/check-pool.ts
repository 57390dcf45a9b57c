import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { Worker } from "node:worker_threads";
import { unreadableReport } from "../core/file-report";
import type { CheckedFile } from "./check-file";
import type { WorkerSetup, WorkerTask } from "./check-worker";

/**
 * The compiled worker beside this module (dist/node/cli). Undefined when running from the
 * TypeScript sources (the unit tests): there is no script a worker thread could load, and the
 * in-process path (--jobs 1) gives the same reports.
 */
export function workerScript(): string | undefined {
  const script = join(__dirname, "check-worker.js");
  return existsSync(script) ? script : undefined;
}

/** Heap per worker thread in MB, when PERF_EVAL_WORKER_HEAP_MB sets one (else Node's default). */
function workerHeapMb(): number | undefined {
  const mb = Number(process.env.PERF_EVAL_WORKER_HEAP_MB);
  return Number.isInteger(mb) && mb > 0 ? mb : undefined;
}

/**
 * Checks `tasks` on `jobs` worker threads, each taking the next file when it is done with one.
 * `onDone` is called once per task, in the order they finish. A worker that dies on a file (out of
 * memory, a crash in the reader) gives that file a one-line reason; a fresh worker goes on with
 * the rest.
 */
export async function checkInWorkers(
  script: string,
  tasks: readonly WorkerTask[],
  jobs: number,
  setup: WorkerSetup,
  onDone: (index: number, outcome: CheckedFile) => void,
): Promise<void> {
  let next = 0;
  const heap = workerHeapMb();
  const lane = (): Promise<void> =>
    new Promise((resolve) => {
      let current: WorkerTask | undefined;
      let ended = false;
      const worker = new Worker(script, {
        workerData: setup,
        ...(heap === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: heap } }),
      });
      const give = () => {
        current = tasks[next++];
        if (current) worker.postMessage(current);
        else void worker.terminate();
      };
      worker.on("message", (outcome: CheckedFile & { index: number }) => {
        const { index, ...rest } = outcome;
        current = undefined;
        onDone(index, rest);
        give();
      });
      const die = (reason: unknown) => {
        if (ended) return;
        ended = true;
        const lost = current;
        current = undefined;
        if (lost) {
          onDone(lost.index, {
            report: unreadableReport(lost.path, crashReason(lost.path, reason)),
          });
        }
        // The lane goes on with a fresh worker while files remain.
        if (lost && next < tasks.length) void lane().then(resolve);
        else resolve();
      };
      worker.on("error", die);
      worker.on("exit", (code) => die(code === 0 ? undefined : `退出码 ${code}`));
      worker.once("online", give);
    });
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, lane));
}

function crashReason(path: string, reason: unknown): string {
  const name = basename(path);
  const code = (reason as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ERR_WORKER_OUT_OF_MEMORY") {
    return `“${name}”：读取时内存不足，未检查（文件内容过多或已损坏）；请确认文件是否正确，其余文件不受影响`;
  }
  const detail =
    reason instanceof Error ? reason.message.split("\n")[0] : String(reason ?? "意外退出");
  return `“${name}”：检查该文件时程序出错（${detail}），未检查；请将文件反馈给维护人员`;
}
