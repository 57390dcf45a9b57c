/**
 * ET object-model failures are COM exceptions surfaced as JavaScript errors (an HRESULT in
 * `number` where the bridge gives one, a message that is often English or empty). The pane shows
 * one Chinese sentence, so every failure becomes a HostError; the original stays as `cause`.
 */
import { HostError } from "../types";

const FALLBACK = "WPS 表格执行操作时出错；请保存工作簿后重试，若仍失败请重新打开 WPS。";

/** DISP_E_BADINDEX: an Item() that found nothing (a sheet deleted or renamed since). */
const BAD_INDEX = -2147352565;

export function toHostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const number = (error as { number?: unknown } | null)?.number;
  if (number === BAD_INDEX) {
    return new HostError(
      "找不到要操作的工作表或单元格，它可能已被删除或重命名；请重新校验后再试。",
      { cause: error },
    );
  }
  return new HostError(FALLBACK, { cause: error });
}

/** Runs `work`, turning every failure into a HostError. */
export async function asHostCall<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toHostError(error);
  }
}
