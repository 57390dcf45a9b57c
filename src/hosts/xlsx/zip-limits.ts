/**
 * Refuses a zip bomb before anything is inflated. An .xlsx is a zip whose central directory states
 * every part's compressed and uncompressed size; reading that directory costs nothing, while
 * JSZip (under exceljs) inflates each whole part into memory first and compares sizes after. A
 * 1 MB workbook whose sheet inflates to 400 MB used to exhaust Node's heap and end the whole run.
 *
 * Pure code (no Node API): the web checker bundles it, so the same limits hold in the browser.
 */
import { inflatedSize, MALFORMED, OVER_LIMIT } from "./inflated-size";

const MB = 1024 * 1024;

/**
 * Limits, from measurements: a form is about 8 KB of XML (the 30-form fixture shanghai.xlsx is
 * 38 KB zipped, 0.25 MB of XML), so 1,000 forms are about 1 MB zipped and 8 MB of XML, and reading
 * them peaks at about 290 MB of process memory (README, 读取与校验). exceljs needs roughly 14 bytes
 * of memory per byte of XML (43 MB of sheet XML → 614 MB RSS). 100 MB of XML is twelve times the
 * largest real submission we know of and still reads in about 1.5 GB, under Node's default heap
 * and a browser tab's budget; a 400 MB part is where the reader died.
 */
export const ZIP_LIMITS = {
  /** Sum of all parts' stated uncompressed sizes. */
  totalBytes: 100 * MB,
  /** One part (one sheet's XML, the shared strings): exceljs turns each into one string. */
  partBytes: 64 * MB,
  /**
   * Uncompressed : compressed, checked on parts over `ratioFloorBytes`. Sheet XML compresses
   * 3–30 : 1 (the fixtures: 2.5–10.7) because every cell has its own address; deflate cannot pass
   * about 1032 : 1, which only long runs of one repeated byte or line approach. A bloated but real
   * styles.xml (thousands of identical formats) can come near that too, so the floor is high:
   * this catches a part made to explode while the total limit stays the real guard.
   */
  ratio: 1000,
  ratioFloorBytes: 8 * MB,
  /** Parts in the package: a real workbook has tens (three or four per sheet). */
  entries: 10_000,
} as const;

/** The reader's message for bytes that are not a whole, valid package. */
export const CORRUPT_MESSAGE =
  "文件已损坏或不完整，无法读取，请在 Excel 或 WPS 中打开修复并另存为 .xlsx 后再检查";

const SOURCE_ADVICE = "请确认文件来源，在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查";

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
/** General purpose flag bit 11: the entry's name is UTF-8. */
const UTF8_NAME_FLAG = 0x800;

/** One part as the central directory states it. */
export interface ZipEntry {
  /** The name as shown in messages (decoded as UTF-8). */
  name: string;
  /**
   * The name the reader looks parts up by, decoded as fflate's unzip decodes it (UTF-8 only when
   * the entry's language-encoding flag says so, else Latin-1), so a part is found under the same
   * name as before the reader read the directory itself.
   */
  path: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the part's compressed data starts (after its local header). */
  dataStart: number;
}

/** Structure errors inside this module; the caller gets CORRUPT_MESSAGE. */
class Malformed extends Error {}

/** The package's parts as its directory states them, or the one-line reason to refuse it. */
export type ZipDirectory =
  | { readonly entries: readonly ZipEntry[]; readonly refusal?: undefined }
  | { readonly refusal: string };

/**
 * The one-line Chinese reason to refuse these zip bytes without inflating them, or undefined when
 * they are within the limits. A directory that does not hold together gets CORRUPT_MESSAGE.
 */
export function zipRefusal(bytes: Uint8Array): string | undefined {
  const directory = zipDirectory(bytes);
  if (directory.refusal !== undefined) return directory.refusal;
  // The directory may understate: count what each part really inflates to, stopping at its
  // stated size, so a lie costs no more memory than the truth would have.
  for (const entry of directory.entries) {
    const refusal = dataRefusal(bytes, entry);
    if (refusal) return refusal;
  }
  return undefined;
}

/**
 * Reads the central directory and checks the sizes it states (the first part of zipRefusal, which
 * costs nothing). What each part really inflates to is left to the caller: dataRefusal counts it
 * without inflating, or an inflater that stops at the stated size tells it (zip-parts.ts).
 */
export function zipDirectory(bytes: Uint8Array): ZipDirectory {
  let entries: ZipEntry[];
  try {
    entries = readCentralDirectory(bytes);
  } catch (error) {
    if (error instanceof Malformed) return { refusal: CORRUPT_MESSAGE };
    if (error instanceof TooManyEntries) return { refusal: tooManyEntries(error.count) };
    throw error;
  }
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > ZIP_LIMITS.totalBytes) {
    return {
      refusal: `文件解压后共有 ${megabytes(total)} MB，超过 ${megabytes(ZIP_LIMITS.totalBytes)} MB 的上限（正常的自评表远小于此），可能是恶意构造的压缩包，已拒绝读取；${SOURCE_ADVICE}`,
    };
  }
  for (const entry of entries) {
    if (entry.uncompressedSize > ZIP_LIMITS.partBytes) {
      return {
        refusal: `其中的部件“${partName(entry.name)}”解压后有 ${megabytes(entry.uncompressedSize)} MB，超过单个部件 ${megabytes(ZIP_LIMITS.partBytes)} MB 的上限（正常的自评表远小于此），可能是恶意构造的压缩包，已拒绝读取；${SOURCE_ADVICE}`,
      };
    }
    if (
      entry.uncompressedSize > ZIP_LIMITS.ratioFloorBytes &&
      entry.uncompressedSize > entry.compressedSize * ZIP_LIMITS.ratio
    ) {
      const ratio = Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1));
      return {
        refusal: `其中的部件“${partName(entry.name)}”压缩比异常（${ratio} : 1，远超正常工作簿），可能是恶意构造的压缩包（“压缩炸弹”），已拒绝读取；${SOURCE_ADVICE}`,
      };
    }
  }
  return { entries };
}

/** The refusal for a part that inflates to more than the directory states. */
export function understatedPart(entry: ZipEntry): string {
  return `其中的部件“${partName(entry.name)}”解压后比文件目录记载的 ${entry.uncompressedSize} 字节更大，文件已损坏或被篡改，已停止读取；${SOURCE_ADVICE}`;
}

/**
 * The refusal for one part's data, counted without inflating it (inflated-size.ts), or undefined
 * when it holds what the directory states.
 */
export function dataRefusal(bytes: Uint8Array, entry: ZipEntry): string | undefined {
  const end = entry.dataStart + entry.compressedSize;
  if (entry.method === METHOD_STORED) {
    // Stored data is its own size; JSZip reports a mismatch itself, without inflating anything.
    return undefined;
  }
  if (entry.method !== METHOD_DEFLATE) return undefined; // JSZip refuses unknown methods itself.
  const size = inflatedSize(bytes, entry.uncompressedSize, entry.dataStart, end);
  if (size === OVER_LIMIT) return understatedPart(entry);
  if (size === MALFORMED) return CORRUPT_MESSAGE;
  return undefined;
}

class TooManyEntries extends Error {
  constructor(readonly count: number) {
    super();
  }
}

function tooManyEntries(count: number): string {
  return `文件包含 ${count} 个部件，超过 ${ZIP_LIMITS.entries} 个的上限（正常的工作簿只有几十个），可能是恶意构造的压缩包，已拒绝读取；${SOURCE_ADVICE}`;
}

/** Whole megabytes for messages, at least 1 when the size is over a limit. */
function megabytes(bytes: number): number {
  return Math.max(1, Math.round(bytes / MB));
}

/** A part name from the file, made safe for one line: no control characters, not too long. */
function partName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const visible = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "?");
  return visible.length > 80 ? `${visible.slice(0, 77)}...` : visible;
}

function u16(bytes: Uint8Array, at: number): number {
  if (at < 0 || at + 2 > bytes.length) throw new Malformed();
  return bytes[at] | (bytes[at + 1] << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  if (at < 0 || at + 4 > bytes.length) throw new Malformed();
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

/** An 8-byte zip64 size or offset; anything past 2^53 is no real file's. */
function u64(bytes: Uint8Array, at: number): number {
  const low = u32(bytes, at);
  const high = u32(bytes, at + 4);
  if (high >= 0x200000) throw new Malformed();
  return high * 0x100000000 + low;
}

/** The end-of-central-directory record: the last one, within the longest possible comment. */
function findEndRecord(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = bytes.length - EOCD_SIZE; at >= lowest; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && u32(bytes, at) === SIG_EOCD) return at;
  }
  throw new Malformed();
}

function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const eocd = findEndRecord(bytes);
  let count = u16(bytes, eocd + 10);
  let size = u32(bytes, eocd + 12);
  let offset = u32(bytes, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // Zip64: a locator just before the record points at the 64-bit record.
    const locator = eocd - 20;
    if (locator >= 0 && u32(bytes, locator) === SIG_ZIP64_LOCATOR) {
      const record = u64(bytes, locator + 8);
      if (u32(bytes, record) !== SIG_ZIP64_EOCD) throw new Malformed();
      count = u64(bytes, record + 32);
      size = u64(bytes, record + 40);
      offset = u64(bytes, record + 48);
    }
  }
  if (offset + size > bytes.length) throw new Malformed();
  // Every entry takes at least 46 bytes: a count the directory cannot hold is a lie.
  if (count * CENTRAL_SIZE > size) throw new Malformed();
  if (count > ZIP_LIMITS.entries) throw new TooManyEntries(count);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder("utf-8");
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_SIZE > offset + size || u32(bytes, at) !== SIG_CENTRAL) throw new Malformed();
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    let compressedSize = u32(bytes, at + 20);
    let uncompressedSize = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let localOffset = u32(bytes, at + 42);
    const nameStart = at + CENTRAL_SIZE;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > offset + size) throw new Malformed();
    // Zip64 extra field (id 1): the 8-byte values, in this order, of those set to 0xffffffff.
    if (
      uncompressedSize === 0xffffffff ||
      compressedSize === 0xffffffff ||
      localOffset === 0xffffffff
    ) {
      const zip64 = findExtra(bytes, extraStart, extraStart + extraLength, 0x0001);
      if (zip64 === undefined) throw new Malformed();
      let field = zip64.start;
      const next64 = () => {
        if (field + 8 > zip64.end) throw new Malformed();
        field += 8;
        return u64(bytes, field - 8);
      };
      if (uncompressedSize === 0xffffffff) uncompressedSize = next64();
      if (compressedSize === 0xffffffff) compressedSize = next64();
      if (localOffset === 0xffffffff) localOffset = next64();
    }
    const rawName = bytes.subarray(nameStart, extraStart);
    const name = decoder.decode(rawName);
    const path = flags & UTF8_NAME_FLAG ? name : latin1(rawName);
    // The data starts after the local header, whose name and extra lengths may differ.
    if (u32(bytes, localOffset) !== SIG_LOCAL) throw new Malformed();
    const dataStart =
      localOffset + LOCAL_SIZE + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataStart + compressedSize > bytes.length) throw new Malformed();
    entries.push({ name, path, method, compressedSize, uncompressedSize, dataStart });
    at = next;
  }
  return entries;
}

function latin1(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
  return text;
}

/** Where the data of extra field `id` lies within [start, end), or undefined. */
function findExtra(
  bytes: Uint8Array,
  start: number,
  end: number,
  id: number,
): { start: number; end: number } | undefined {
  for (let at = start; at + 4 <= end;) {
    const fieldId = u16(bytes, at);
    const length = u16(bytes, at + 2);
    if (fieldId === id)
      return at + 4 + length <= end ? { start: at + 4, end: at + 4 + length } : undefined;
    at += 4 + length;
  }
  return undefined;
}
