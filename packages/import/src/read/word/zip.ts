// A small ZIP reader for .docx: the central directory is read and checked (entry count, declared
// sizes) before anything is inflated, and the one part we need is inflated in small steps that
// count the bytes they produce, so a zip bomb is refused early whatever its headers claim.
import { Inflate } from "fflate";
import { WordFailure } from "./failure.js";

/** More entries than any Word file has (a big report with images has a few hundred). */
export const MAX_ZIP_ENTRIES = 10_000;
/** The sum of the entries' declared sizes, and the most any one part may inflate to. */
export const MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;
export const MAX_PART_BYTES = 64 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The central directory's entries; throws WordFailure when the archive is broken or oversized. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  // the end-of-central-directory record is in the last 22 + 65,535 (comment) bytes
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new WordFailure("unreadable", "zipBroken", { detail: "end of central directory not found" });
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff)
    throw new WordFailure("unreadable", "zipBroken", { detail: "ZIP64 is not used by Word files" });
  if (count > MAX_ZIP_ENTRIES) throw new WordFailure("too-large", "zipTooManyEntries", { count, limit: MAX_ZIP_ENTRIES });
  if (cdOffset + cdSize > bytes.length) throw new WordFailure("unreadable", "zipBroken", { detail: "central directory outside the file" });
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  const decoder = new TextDecoder("utf-8");
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50)
      throw new WordFailure("unreadable", "zipBroken", { detail: `central directory entry ${n + 1}` });
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const entry: ZipEntry = {
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
      name: decoder.decode(bytes.subarray(p + 46, Math.min(bytes.length, p + 46 + nameLen))),
    };
    total += entry.size;
    if (total > MAX_UNCOMPRESSED_BYTES) throw new WordFailure("too-large", "zipTooLarge", { limit: MAX_UNCOMPRESSED_BYTES });
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** One entry's bytes, inflated with a running count: at most min(declared size, MAX_PART_BYTES). */
export function readEntry(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  if (e.flags & 1) throw new WordFailure("unreadable", "encrypted", {});
  const h = e.localOffset;
  if (h + 30 > bytes.length || u32(bytes, h) !== 0x04034b50)
    throw new WordFailure("unreadable", "zipBroken", { detail: `local header of ${e.name}` });
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw new WordFailure("unreadable", "zipBroken", { detail: `${e.name} runs past the end of the file` });
  const data = bytes.subarray(start, end);
  if (e.size > MAX_PART_BYTES) throw new WordFailure("too-large", "zipTooLarge", { limit: MAX_PART_BYTES });
  if (e.method === 0) return data;
  if (e.method !== 8) throw new WordFailure("unreadable", "zipBroken", { detail: `compression method ${e.method}` });
  // the declared size may lie: what is inflated is counted, and more than declared is refused
  const cap = e.size;
  const out = new Uint8Array(cap);
  let at = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (at + chunk.length > cap) {
      over = true;
      return;
    }
    out.set(chunk, at);
    at += chunk.length;
  });
  // small steps: one step inflates at most ~1,000 times its input before the count is checked
  const STEP = 16 * 1024;
  try {
    for (let i = 0; i < data.length && !over; i += STEP)
      inflater.push(data.subarray(i, Math.min(data.length, i + STEP)), i + STEP >= data.length);
  } catch (err) {
    throw new WordFailure("unreadable", "zipBroken", { detail: `${e.name}: ${err instanceof Error ? err.message : String(err)}` });
  }
  if (over) throw new WordFailure("too-large", "zipSizeLies", { name: e.name });
  if (at !== cap) throw new WordFailure("unreadable", "zipBroken", { detail: `${e.name} inflates to ${at} bytes, not ${cap}` });
  return out;
}
