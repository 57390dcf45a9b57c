// The parts of a zip package the reader asks for, inflated one at a time from the central
// directory zip-limits.ts has read and checked, and the refusal for data that is not what the
// directory states. No Node-only API (the web checker bundles it).
import { InflatedPastStatedSize, type PartInflater } from "./inflate";
import { CORRUPT_MESSAGE, dataRefusal, understatedPart, type ZipEntry } from "./zip-limits";

const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

/** What is known of a part's data: holds what the directory states, more, or is damaged. */
const AS_STATED = 0;
const PAST_STATED = 1;
const DAMAGED = 2;
type DataCheck = typeof AS_STATED | typeof PAST_STATED | typeof DAMAGED;

/** A part stored with a compression method the reader does not know (fflate's unzip refused it). */
export class UnknownCompressionError extends Error {}

export class ZipParts {
  private readonly byPath = new Map<string, ZipEntry>();
  /** Each part's data as checked so far: counted (zip-limits.ts) or inflated. */
  private readonly checked = new Map<ZipEntry, DataCheck | string>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: readonly ZipEntry[],
    private readonly inflater: PartInflater,
  ) {
    // A name listed twice is the later entry, as with fflate's unzip.
    for (const entry of entries) this.byPath.set(entry.path, entry);
  }

  /** A part's bytes, undefined when the package has none by that name; throws on bad data. */
  read(path: string): Uint8Array | undefined {
    const entry = this.byPath.get(path);
    if (entry === undefined) return undefined;
    const data = this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    if (entry.method === METHOD_STORED) return data;
    if (entry.method !== METHOD_DEFLATE)
      throw new UnknownCompressionError(`method ${entry.method}`);
    try {
      const inflated = this.inflater.inflate(data, entry.uncompressedSize);
      if (this.inflater.bounded) this.checked.set(entry, AS_STATED);
      return inflated;
    } catch (error) {
      if (this.inflater.bounded) {
        this.checked.set(entry, error instanceof InflatedPastStatedSize ? PAST_STATED : DAMAGED);
      }
      throw error;
    }
  }

  /**
   * The refusal zipRefusal gives for these bytes' data (the first part, in directory order, that
   * holds more than stated or is damaged), or undefined. Parts a bounded inflater has inflated are
   * known already; every other part is counted without inflating it (zip-limits.ts), once.
   */
  refusal(): string | undefined {
    for (const entry of this.entries) {
      let check = this.checked.get(entry);
      if (check === undefined) {
        check = dataRefusal(this.bytes, entry) ?? AS_STATED;
        this.checked.set(entry, check);
      }
      if (check === AS_STATED) continue;
      if (check === PAST_STATED) return understatedPart(entry);
      if (check === DAMAGED) return CORRUPT_MESSAGE;
      return check;
    }
    return undefined;
  }
}
