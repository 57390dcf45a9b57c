/**
 * A small zip writer for hostile test files: parts can state sizes other than their real ones, be
 * given as already-deflated streams (a bomb of hundreds of MB is a few hundred KB of deflate, built
 * without ever holding the inflated bytes), or use the zip64 directory. Test code only.
 */
import zlib from "node:zlib";
import JSZip from "jszip";

export interface ZipPart {
  name: string;
  /** The part's bytes, deflated by the writer. */
  data?: Uint8Array;
  /** Or an already-deflated stream with its true size and CRC. */
  deflated?: DeflatedStream;
  /** Store instead of deflate (`data` only). */
  stored?: boolean;
  /** Size the directory states, when it should lie. */
  declaredSize?: number;
  /** Compressed size the directory states, when it should lie. */
  declaredCompressedSize?: number;
}

export interface DeflatedStream {
  bytes: Uint8Array;
  size: number;
  crc: number;
}

export interface ZipOptions {
  /** Write every size and offset through zip64 extra fields and the zip64 end records. */
  zip64?: boolean;
}

/** The parts of a zip (an .xlsx), in directory order, as bytes. */
export async function unzipParts(zip: Uint8Array): Promise<ZipPart[]> {
  const archive = await JSZip.loadAsync(zip);
  const parts: ZipPart[] = [];
  for (const entry of Object.values(archive.files)) {
    if (entry.dir) continue;
    parts.push({ name: entry.name, data: await entry.async("uint8array") });
  }
  return parts;
}

/** A raw deflate stream of `data`, not final, ending byte-aligned (a sync flush): joinable. */
function openChunk(data: Uint8Array): Buffer {
  return zlib.deflateRawSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
}

/** The empty final block with fixed codes: ends a stream made of open chunks. */
const FINAL_EMPTY_BLOCK = Uint8Array.of(0x03, 0x00);

/**
 * `head`, then `megabytes` MiB of `fill`, then `tail`, deflated without holding the middle: one
 * MiB chunk is deflated once and repeated (each chunk starts with a literal, so its matches stay
 * inside the bytes already produced).
 */
export function deflatedRun(
  megabytes: number,
  fill = 0x20,
  head: Uint8Array = new Uint8Array(),
  tail: Uint8Array = new Uint8Array(),
): DeflatedStream {
  const mib = Buffer.alloc(1024 * 1024, fill);
  const chunk = openChunk(mib);
  let crc = zlib.crc32(head);
  for (let i = 0; i < megabytes; i++) crc = zlib.crc32(mib, crc);
  crc = zlib.crc32(tail, crc);
  const pieces: Uint8Array[] = [openChunk(head)];
  for (let i = 0; i < megabytes; i++) pieces.push(chunk);
  pieces.push(openChunk(tail), FINAL_EMPTY_BLOCK);
  return {
    bytes: Buffer.concat(pieces),
    size: head.length + megabytes * mib.length + tail.length,
    crc,
  };
}

function deflate(data: Uint8Array): DeflatedStream {
  return { bytes: zlib.deflateRawSync(data), size: data.length, crc: zlib.crc32(data) };
}

const u16 = (value: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value);
  return b;
};
const u32 = (value: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0);
  return b;
};
const u64 = (value: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(value));
  return b;
};

/** Writes a zip of these parts (no directory entries; an .xlsx needs none). */
export function writeZip(parts: readonly ZipPart[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const stream: DeflatedStream = part.deflated
      ? part.deflated
      : part.stored
        ? {
            bytes: part.data ?? new Uint8Array(),
            size: part.data?.length ?? 0,
            crc: zlib.crc32(part.data ?? new Uint8Array()),
          }
        : deflate(part.data ?? new Uint8Array());
    const method = part.stored ? 0 : 8;
    const size = part.declaredSize ?? stream.size;
    const compressed = part.declaredCompressedSize ?? stream.bytes.length;
    const zip64 = options.zip64 === true;
    const extra = zip64
      ? Buffer.concat([u16(1), u16(24), u64(size), u64(compressed), u64(offset)])
      : Buffer.alloc(0);
    const sizes = zip64 ? [u32(0xffffffff), u32(0xffffffff)] : [u32(compressed), u32(size)];
    const local = Buffer.concat([
      u32(0x04034b50),
      u16(zip64 ? 45 : 20),
      u16(0x0800), // names in UTF-8
      u16(method),
      u16(0),
      u16(0x21),
      u32(stream.crc),
      ...sizes,
      u16(name.length),
      u16(zip64 ? 20 : 0),
      name,
      zip64 ? Buffer.concat([u16(1), u16(16), u64(size), u64(compressed)]) : Buffer.alloc(0),
    ]);
    centrals.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(zip64 ? 45 : 20),
        u16(zip64 ? 45 : 20),
        u16(0x0800),
        u16(method),
        u16(0),
        u16(0x21),
        u32(stream.crc),
        ...sizes,
        u16(name.length),
        u16(extra.length),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(zip64 ? 0xffffffff : offset),
        name,
        extra,
      ]),
    );
    locals.push(local, Buffer.from(stream.bytes));
    offset += local.length + stream.bytes.length;
  }
  const directory = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (options.zip64) {
    const recordOffset = offset + directory.length;
    tail.push(
      Buffer.concat([
        u32(0x06064b50),
        u64(44),
        u16(45),
        u16(45),
        u32(0),
        u32(0),
        u64(parts.length),
        u64(parts.length),
        u64(directory.length),
        u64(offset),
      ]),
      Buffer.concat([u32(0x07064b50), u32(0), u64(recordOffset), u32(1)]),
    );
  }
  tail.push(
    Buffer.concat([
      u32(0x06054b50),
      u16(0),
      u16(0),
      u16(options.zip64 ? 0xffff : parts.length),
      u16(options.zip64 ? 0xffff : parts.length),
      u32(options.zip64 ? 0xffffffff : directory.length),
      u32(options.zip64 ? 0xffffffff : offset),
      u16(0),
    ]),
  );
  return Buffer.concat([...locals, directory, ...tail]);
}
