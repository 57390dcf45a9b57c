/**
 * Office.js failures (OfficeExtension.Error, "RichApi.Error") carry a `code` such as
 * "InvalidArgument" or "AccessDenied". The pane shows one Chinese sentence, so each code becomes a
 * HostError saying what happened and what to do; the original error stays as `cause`.
 */
import { HostError } from "../types";

const MESSAGES: Record<string, string> = {
  AccessDenied:
    "Excel 拒绝了这次修改：工作表或工作簿结构受保护，或文件为只读；请撤销保护或另存一份后重试。",
  InvalidArgument:
    "Excel 不接受这次操作的参数，可能是单元格地址或工作表名称无效；请重新校验后再试。",
  InvalidReference: "要操作的单元格区域无效，可能已被删除或移动；请重新校验后再试。",
  ItemNotFound: "找不到要操作的工作表或单元格，它可能已被删除或重命名；请重新校验后再试。",
  ItemAlreadyExists: "同名的工作表已经存在；请重试，助手会换一个名称。",
  RequestPayloadSizeLimitExceeded:
    "一次读写的数据超过了 Excel 的上限（网页版每次 5 MB）；请先校验当前工作表，或把工作簿拆小后再试。",
  ResponsePayloadSizeLimitExceeded:
    "一次读取的数据超过了 Excel 的上限（网页版每次 5 MB）；请先校验当前工作表，或把工作簿拆小后再试。",
  InvalidOperation:
    "Excel 当前不允许这个操作，可能正在编辑单元格；请按 Enter 或 Esc 结束编辑后重试。",
  InvalidOperationInCellEditMode: "Excel 正处于单元格编辑状态；请按 Enter 或 Esc 结束编辑后重试。",
  EditModeCannotSave: "Excel 正处于单元格编辑状态；请按 Enter 或 Esc 结束编辑后重试。",
  ApiNotFound: "当前 Excel 版本不支持这个操作；请升级到 Microsoft 365 或使用网页版 Excel。",
  Unauthenticated: "Excel 拒绝了加载项的请求；请重新打开任务窗格后重试。",
  ActivityLimitReached: "Excel 暂时繁忙（操作过于频繁）；请稍等片刻后重试。",
  RequestAborted: "与 Excel 的通信被中断；请重新打开任务窗格后重试。",
  Conflict: "工作簿正被其他人同时编辑，修改发生冲突；请稍后重试。",
  GeneralException: "Excel 执行操作时出错；请保存工作簿后重试，若仍失败请重新打开 Excel。",
};

const FALLBACK = "与 Excel 通信时出错；请保存工作簿后重试，若仍失败请重新打开 Excel。";

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** A HostError as it is, anything else as one Chinese sentence chosen by the Office.js code. */
export function toHostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const code = errorCode(error);
  const message = (code && MESSAGES[code]) || FALLBACK;
  return new HostError(message, { cause: error });
}

/** Runs `work`, turning every failure into a HostError. */
export async function asHostCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toHostError(error);
  }
}
