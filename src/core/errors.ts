/** The spreadsheet error kinds the engine may produce (product.md §1). */
export type PerfErrorCode = "#DIV/0!" | "#VALUE!" | "#N/A" | "#NUM!";

/**
 * An error the engine raises instead of returning a wrong number. Hosts translate it: Excel into
 * CustomFunctions.Error, WPS into its error value, Node keeps it as a thrown Error with `.code`.
 * The message is Chinese and says what the user should do.
 */
export class PerfError extends Error {
  readonly code: PerfErrorCode;

  constructor(code: PerfErrorCode, message: string) {
    super(message);
    this.name = "PerfError";
    this.code = code;
  }
}

export function isPerfError(error: unknown): error is PerfError {
  return error instanceof PerfError;
}
