// How the reader turns a deflated zip part into bytes. The reader takes the inflater from its
// caller: the browser bundles fflate (inflate-fflate.ts), while the command line uses Node's native
// zlib (inflate-zlib.ts), several times faster on the same parts. No Node-only API here.

/** The part holds more data than the zip directory states (inflating stopped there). */
export class InflatedPastStatedSize extends Error {
  constructor() {
    super("a part inflates to more than its stated size");
    this.name = "InflatedPastStatedSize";
  }
}

export interface PartInflater {
  /**
   * The raw deflate stream `data` inflated; `size` is what the directory states it inflates to.
   * Throws on a damaged stream.
   */
  inflate(data: Uint8Array, size: number): Uint8Array;
  /**
   * True when `inflate` never produces or decodes past `size` and throws InflatedPastStatedSize
   * instead: a part it inflates then needs no counting pass first (zip-parts.ts), since the lie
   * is found, and costs no more, while inflating it. False: every part is counted before any is
   * inflated (zip-limits.ts), as fflate would otherwise go on decoding a bomb to its end.
   */
  readonly bounded: boolean;
}
