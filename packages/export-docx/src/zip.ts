// The .docx container: a ZIP of the package's parts, written here rather than by fflate's zipSync,
// which deflates and checksums every part on every call. The parts that are the same for every
// report are deflated (fflate) and checksummed once, when the module loads; the two written per
// report (word/document.xml, docProps/core.xml) are stored, checksummed by a slicing-by-8 CRC-32:
// deflating 60 KB of WordprocessingML in JavaScript costs ten times the render itself, and the
// file Word opens is the same. Fixed date and time, fixed order: the same report, the same bytes.
import { deflateSync } from "fflate";

export interface Entry {
  name: Uint8Array;
  /** 0 stored, 8 deflated */
  method: 0 | 8;
  data: Uint8Array;
  crc: number;
  size: number;
}

const TABLES = (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n]! >>> 8) ^ t[t[(k - 1) * 256 + n]! & 0xff]!;
  return t;
})();

/** CRC-32 (ISO 3309, as ZIP uses it), eight bytes a step. */
export function crc32(data: Uint8Array): number {
  const t = TABLES;
  let c = -1;
  let i = 0;
  const end8 = data.length - (data.length % 8);
  for (; i < end8; i += 8) {
    const a = (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24)) ^ c;
    const b = data[i + 4]! | (data[i + 5]! << 8) | (data[i + 6]! << 16) | (data[i + 7]! << 24);
    c =
      t[1792 + (a & 0xff)]! ^
      t[1536 + ((a >>> 8) & 0xff)]! ^
      t[1280 + ((a >>> 16) & 0xff)]! ^
      t[1024 + (a >>> 24)]! ^
      t[768 + (b & 0xff)]! ^
      t[512 + ((b >>> 8) & 0xff)]! ^
      t[256 + ((b >>> 16) & 0xff)]! ^
      t[b >>> 24]!;
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

const encoder = new TextEncoder();

export function storedEntry(name: string, data: Uint8Array): Entry {
  return { name: encoder.encode(name), method: 0, data, crc: crc32(data), size: data.length };
}

export function deflatedEntry(name: string, data: Uint8Array): Entry {
  return { name: encoder.encode(name), method: 8, data: deflateSync(data, { level: 9 }), crc: crc32(data), size: data.length };
}

// MS-DOS date and time of every entry: 1980-01-01 12:00:00, written as numbers, so that no
// clock or time zone enters the file
const DOS_TIME = 12 << 11;
const DOS_DATE = (1 << 5) | 1;

/** The ZIP file of the entries, in their order (no ZIP64: a report is far below 4 GB). */
export function zip(entries: Entry[]): Uint8Array {
  let total = 22;
  for (const e of entries) total += 30 + 46 + 2 * e.name.length + e.data.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  const header = (e: Entry, central: boolean, offset: number) => {
    view.setUint32(p, central ? 0x02014b50 : 0x04034b50, true);
    p += 4;
    if (central) {
      view.setUint16(p, 20, true); // made by: MS-DOS attributes, version 2.0
      p += 2;
    }
    view.setUint16(p, 20, true); // version needed to extract: 2.0 (deflate)
    view.setUint16(p + 2, 0, true); // flags
    view.setUint16(p + 4, e.method, true);
    view.setUint16(p + 6, DOS_TIME, true);
    view.setUint16(p + 8, DOS_DATE, true);
    view.setUint32(p + 10, e.crc, true);
    view.setUint32(p + 14, e.data.length, true);
    view.setUint32(p + 18, e.size, true);
    view.setUint16(p + 22, e.name.length, true);
    view.setUint16(p + 24, 0, true); // extra field length
    p += 26;
    if (central) {
      // comment length, disk number, internal and external attributes: all 0; then the local header's offset
      view.setUint32(p + 10, offset, true);
      p += 14;
    }
    out.set(e.name, p);
    p += e.name.length;
  };
  for (const e of entries) {
    offsets.push(p);
    header(e, false, 0);
    out.set(e.data, p);
    p += e.data.length;
  }
  const directory = p;
  entries.forEach((e, i) => header(e, true, offsets[i]!));
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - directory, true);
  view.setUint32(p + 16, directory, true);
  return out;
}
