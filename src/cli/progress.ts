import { allFindings, type FileReport } from "../core/file-report";

/**
 * The progress line of a long `check` on a terminal: files done / total, forms, errors so far. It
 * is rewritten in place (\r, then erase to the end of the line) at most every `intervalMs`, and
 * erased when the run ends so the report starts on a clean line. Only ever written to a terminal
 * (stderr): a pipe or a file gets the report alone.
 */
export class ProgressLine {
  private forms = 0;
  private errors = 0;
  private lastWrite = -Infinity;
  private shown = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly intervalMs = 100,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** One more file is done. */
  file(report: FileReport, done: number, total: number): void {
    this.forms += report.forms.length;
    this.errors += allFindings(report).filter((f) => f.severity === "error").length;
    const time = this.now();
    // The last file is not drawn: the line is about to be erased anyway.
    if (done === total || time - this.lastWrite < this.intervalMs) return;
    this.lastWrite = time;
    this.shown = true;
    this.write(`\r\u001b[K${progressText(done, total, this.forms, this.errors)}`);
  }

  /** Erases the line, if one was drawn. */
  clear(): void {
    if (this.shown) this.write("\r\u001b[K");
    this.shown = false;
  }
}

export function progressText(done: number, total: number, forms: number, errors: number): string {
  return `正在检查：${done}/${total} 个文件，${forms} 张表，已发现错误 ${errors} 条`;
}
