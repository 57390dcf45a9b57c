// The inflater the web checker (and any caller without Node) uses: fflate, pure JavaScript.
import { inflateSync } from "fflate";
import type { PartInflater } from "./inflate";

/**
 * As fflate's own unzip inflates a part: into a buffer of the stated size. Output past it is
 * dropped but still decoded, so this inflater is not bounded: the reader counts each part first.
 */
export const FFLATE_INFLATER: PartInflater = {
  inflate: (data, size) => inflateSync(data, { out: new Uint8Array(size) }),
  bounded: false,
};
