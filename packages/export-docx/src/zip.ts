// The .docx container: a ZIP of the package's parts, written here rather than by fflate's zipSync,
// which deflates and checksums every part on every call. The parts that are the same for every
// report are deflated (fflate) and checksummed once, when the module loads; the two written per
// report (word/document.xml, docProps/core.xml) are stored, checksummed by Node's zlib.crc32 or,
// in a browser, a slicing-by-8 CRC-32:
// deflating 45 KB of WordprocessingML in JavaScript costs several times the render itself, and
// the file Word opens is the same. Fixed date and time, fixed order: the same report, the same bytes.
import { deflateSync } from "fflate";
import { newFile, writeBytes } from "./bytes.js";

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
  for (let n = 0; n < 256; n++)
    for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n]! >>> 8) ^ t[t[(k - 1) * 256 + n]! & 0xff]!;
  return t;
})();

/** CRC-32 (ISO 3309, as ZIP uses it), eight bytes a step: the browser's, and Node's before zlib.crc32. */
export function crc32Js(data: Uint8Array): number {
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

// Node ≥ 20.15 has zlib.crc32 (native, about 4× the JavaScript loop on a 45 KB part). Reached
// through process.getBuiltinModule, not an import, so that a browser bundle (packages/editor)
// neither needs nor sees node:zlib and falls back to crc32Js; both give the same number.
type NativeCrc = (data: Uint8Array) => number;
const nativeCrc = ((): NativeCrc | undefined => {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const zlib = p?.getBuiltinModule?.("node:zlib") as { crc32?: NativeCrc } | undefined;
  return typeof zlib?.crc32 === "function" ? zlib.crc32 : undefined;
})();

export const crc32: (data: Uint8Array) => number = nativeCrc ?? crc32Js;

const encoder = new TextEncoder();

export function deflatedEntry(name: string, data: Uint8Array): Entry {
  return { name: encoder.encode(name), method: 8, data: deflateSync(data, { level: 9 }), crc: crc32(data), size: data.length };
}

// MS-DOS date and time of every entry: 1980-01-01 12:00:00, written as numbers, so that no
// clock or time zone enters the file
const DOS_TIME = 12 << 11;
const DOS_DATE = (1 << 5) | 1;

interface Written {
  name: Uint8Array;
  method: 0 | 8;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/**
 * A ZIP file (no ZIP64: a report is far below 4 GB) written front to back into a buffer of its
 * exact size, which is the file returned: the size is known before anything is written, since
 * every part is bytes or a byte string (bytes.ts). Text parts are copied straight into it and
 * checksummed there: encoding, allocating and copying are most of what a render costs.
 */
export class ZipWriter {
  private out: Uint8Array;
  private view: DataView;
  private p = 0;
  private readonly written: Written[] = [];

  /** size: the bytes the entries will take, the sum of roomFor over them */
  constructor(size: number) {
    this.out = newFile(size + 22);
    this.view = new DataView(this.out.buffer, this.out.byteOffset, this.out.length);
  }

  /** the bytes an entry named so (ASCII, or its bytes) takes, holding a byte string or bytes, with its directory record */
  static roomFor(name: string | Uint8Array, bytes: string | Uint8Array): number {
    return 30 + 46 + 2 * name.length + bytes.length;
  }

  private header(w: Written, central: boolean): void {
    const { view } = this;
    let p = this.p;
    view.setUint32(p, central ? 0x02014b50 : 0x04034b50, true);
    p += 4;
    if (central) {
      view.setUint16(p, 20, true); // made by: MS-DOS attributes, version 2.0
      p += 2;
    }
    view.setUint16(p, 20, true); // version needed to extract: 2.0 (deflate)
    view.setUint16(p + 2, 0, true); // flags
    view.setUint16(p + 4, w.method, true);
    view.setUint16(p + 6, DOS_TIME, true);
    view.setUint16(p + 8, DOS_DATE, true);
    view.setUint32(p + 10, w.crc, true);
    view.setUint32(p + 14, w.compressed, true);
    view.setUint32(p + 18, w.size, true);
    view.setUint16(p + 22, w.name.length, true);
    view.setUint16(p + 24, 0, true); // extra field length
    p += 26;
    if (central) {
      // comment length, disk number, internal and external attributes: all 0 (written: the
      // buffer is not zero-filled); then the local header's offset
      this.out.fill(0, p, p + 10);
      view.setUint32(p + 10, w.offset, true);
      p += 14;
    }
    this.out.set(w.name, p);
    this.p = p + w.name.length;
  }

  /** an entry whose bytes (and checksum) are ready */
  add(e: Entry): void {
    const w: Written = { name: e.name, method: e.method, crc: e.crc, compressed: e.data.length, size: e.size, offset: this.p };
    this.written.push(w);
    this.header(w, false);
    this.out.set(e.data, this.p);
    this.p += e.data.length;
  }

  /** a stored entry whose bytes are a byte string (bytes.ts), copied in place; its name's bytes (ASCII) */
  addBytes(name: Uint8Array, bytes: string): void {
    const w: Written = { name, method: 0, crc: 0, compressed: 0, size: 0, offset: this.p };
    const start = this.p + 30 + w.name.length;
    const written = writeBytes(bytes, this.out, start);
    w.crc = crc32(this.out.subarray(start, start + written));
    w.compressed = w.size = written;
    this.written.push(w);
    this.header(w, false);
    this.p += written;
  }

  /** the central directory and its end record; the file, in a buffer of its own size */
  finish(): Uint8Array {
    const directory = this.p;
    for (const w of this.written) this.header(w, true);
    const { view, p } = this;
    view.setUint32(p, 0x06054b50, true);
    view.setUint32(p + 4, 0, true); // this disk, the directory's disk
    view.setUint16(p + 8, this.written.length, true);
    view.setUint16(p + 10, this.written.length, true);
    view.setUint32(p + 12, p - directory, true);
    view.setUint32(p + 16, directory, true);
    view.setUint16(p + 20, 0, true); // comment length
    // never short of its size (roomFor is exact); were it, no unwritten byte may leave
    return p + 22 === this.out.length ? this.out : this.out.slice(0, p + 22);
  }
}
