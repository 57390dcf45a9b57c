import { availableParallelism } from "node:os";
import { exitCodeOf, toJsonDocument, unreadableReport, type FileReport } from "../core/file-report";
import type { Profile } from "../core/profiles/schema";
import type { FormFacts } from "../hosts/web/summary";
import { checkFile, type CheckedFile } from "./check-file";
import { checkInWorkers, workerScript } from "./check-pool";
import { expandInputs } from "./files";
import { terminalSafeJson } from "./visible";

// The report shape is shared with the web checker (src/core/file-report.ts).
export { exitCodeOf, UNREADABLE_RULE, type FileReport } from "../core/file-report";

export interface CheckResult {
  files: FileReport[];
  /** Per file (same order), the forms' facts for the summary workbook, when asked for. */
  facts?: (FormFacts[] | undefined)[];
  exitCode: 0 | 1 | 2;
}

export interface CheckOptions {
  /** Worker threads; 1 (the default) checks in this process, one file after the other. */
  jobs?: number;
  /** Also read each form's facts for the summary workbook (--report). */
  facts?: boolean;
  /** Called after each file, in the order files finish; `done` counts them. */
  onFile?: (report: FileReport, done: number, total: number) => void;
  /** A path to leave out of a folder's files (the summary being written). */
  skip?: (path: string) => boolean;
}

/** Worker threads when --jobs is not given: one per core. */
export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * Checks every input. A file that cannot be read is reported with a one-line Chinese reason and
 * the run goes on with the others; the exit code is 2 if any file was unreadable, else 1 if any
 * error was found, else 0. Reports come in the inputs' order whatever order the workers finish in.
 */
export async function checkInputs(
  args: readonly string[],
  profile: Profile,
  options: CheckOptions = {},
): Promise<CheckResult> {
  const inputs = expandInputs(args).filter((input) => !options.skip?.(input.path));
  const outcomes: (CheckedFile | undefined)[] = new Array(inputs.length);
  let done = 0;
  const finish = (index: number, outcome: CheckedFile) => {
    outcomes[index] = outcome;
    options.onFile?.(outcome.report, ++done, inputs.length);
  };
  const tasks: { index: number; path: string }[] = [];
  inputs.forEach((input, index) => {
    if ("problem" in input) finish(index, { report: unreadableReport(input.path, input.problem) });
    else tasks.push({ index, path: input.path });
  });
  const withFacts = options.facts ?? false;
  const jobs = Math.min(options.jobs ?? 1, tasks.length);
  const script = jobs > 1 ? workerScript() : undefined;
  if (script) {
    await checkInWorkers(script, tasks, jobs, { profile: profile.name, facts: withFacts }, finish);
  }
  // In this process: --jobs 1, a single file, running from sources, or files no worker could take
  // (a worker that failed to start).
  for (const task of tasks) {
    if (!outcomes[task.index]) finish(task.index, await checkFile(task.path, profile, withFacts));
  }
  const files = outcomes.map((outcome) => outcome!.report);
  return {
    files,
    ...(withFacts ? { facts: outcomes.map((outcome) => outcome!.facts) } : {}),
    exitCode: exitCodeOf(files),
  };
}

/**
 * The `--json` document: unreadable markers are internal and left out of the contract's shape; C1
 * controls and bidi overrides from cell text are written as \uHHHH (same document once parsed).
 */
export function toJson(result: CheckResult): string {
  return terminalSafeJson(toJsonDocument(result.files));
}
