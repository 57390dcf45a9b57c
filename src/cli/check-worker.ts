/**
 * Worker thread of `perf-eval check --jobs N` (check-pool.ts): checks the files it is sent, one at
 * a time, and posts each outcome back. Runs from the compiled dist/node/cli/check-worker.js.
 */
import { parentPort, workerData } from "node:worker_threads";
import { getProfile } from "../core/profiles";
import { checkFile } from "./check-file";

export interface WorkerSetup {
  profile: string;
  facts: boolean;
}

export interface WorkerTask {
  index: number;
  path: string;
}

const setup = workerData as WorkerSetup;
const profile = getProfile(setup.profile);

parentPort?.on("message", (task: WorkerTask) => {
  void checkFile(task.path, profile, setup.facts).then((outcome) =>
    parentPort?.postMessage({ index: task.index, ...outcome }),
  );
});
