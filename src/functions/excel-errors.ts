/**
 * PerfError → CustomFunctions.Error. Excel shows a custom message only for #VALUE! and #N/A; for
 * #DIV/0! and #NUM! a message argument is rejected, so those go without one.
 */
import { isPerfError } from "../core/errors";

export function toExcelError(error: unknown): CustomFunctions.Error {
  if (isPerfError(error)) {
    switch (error.code) {
      case "#DIV/0!":
        return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
      case "#NUM!":
        return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
      case "#N/A":
        return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, error.message);
      case "#VALUE!":
        return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, error.message);
    }
  }
  // Anything else is a bug in the engine; #VALUE! with the message is the most useful thing to show.
  const message = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `内部错误：${message}`);
}
