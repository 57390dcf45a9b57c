// The command line's inflater: Node's native zlib, about five times faster than fflate on a
// workbook's sheets (20 ms against 125 ms for the 1,000-form workbook, first read in a process).
import { inflateRawSync } from "node:zlib";
import { InflatedPastStatedSize, type PartInflater } from "./inflate";

/**
 * zlib stops as soon as the output would pass `maxOutputLength` (the stated size), so a part that
 * understates its size is refused after producing at most that much: bounded. One output chunk
 * of the stated size plus one byte holds a truthful part whole, with no second buffer or copy.
 */
export const ZLIB_INFLATER: PartInflater = {
  inflate(data, size) {
    let out: Buffer;
    try {
      // zlib takes a limit of at least 1 byte and chunks of at least 64.
      out = inflateRawSync(data, {
        maxOutputLength: Math.max(size, 1),
        chunkSize: Math.max(size + 1, 64),
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException)?.code === "ERR_BUFFER_TOO_LARGE") {
        throw new InflatedPastStatedSize();
      }
      throw error;
    }
    if (out.length > size) throw new InflatedPastStatedSize();
    return out;
  },
  bounded: true,
};
