/**
 * Counts the adapter's own writes, so the change events they cause are not taken for the user's
 * edits. Both hosts turn their events off around writes as well; this is the guard for where that
 * switch is missing (Excel below ExcelApi 1.8) or does not hold (WPS may deliver SheetChange after
 * the write returned): a change is ours while a write runs and for `quietMs` after it.
 */
export class OwnWrites {
  private running = 0;
  private quietUntil = 0;

  constructor(private readonly quietMs: number) {}

  async around<T>(write: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await write();
    } finally {
      this.running--;
      this.quietUntil = Date.now() + this.quietMs;
    }
  }

  get active(): boolean {
    return this.running > 0 || Date.now() < this.quietUntil;
  }
}
