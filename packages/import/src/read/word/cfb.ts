// A small reader of OLE compound files (MS-CFB), the container of .doc files (and of encrypted
// .docx files): the streams are found by name in the directory and read along their sector chains,
// every chain bounded by the file's sector count, so a cyclic or lying file ends in a clear error.
import { WordFailure } from "./failure.js";

const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END = 0xfffffffe;
const FREE = 0xffffffff;

export function isCfb(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && MAGIC.every((b, i) => bytes[i] === b);
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

const broken = (detail: string) => new WordFailure("unreadable", "docBroken", { detail });

export interface Cfb {
  /** the names of the streams, for telling what kind of file this is */
  names: Set<string>;
  stream(name: string): Uint8Array | null;
}

export function readCfb(bytes: Uint8Array): Cfb {
  const shift = u16(bytes, 0x1e);
  if (shift !== 9 && shift !== 12) throw broken(`sector size 2^${shift}`);
  const size = 1 << shift;
  const miniShift = u16(bytes, 0x20);
  if (miniShift !== 6) throw broken(`mini sector size 2^${miniShift}`);
  const sectors = Math.floor((bytes.length - size) / size);
  const at = (s: number) => {
    if (s >= sectors) throw broken(`sector ${s} is past the end of the file`);
    return (s + 1) * size;
  };

  // the FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors
  const fatSectors: number[] = [];
  const nFat = u32(bytes, 0x2c);
  if (nFat > sectors) throw broken(`${nFat} FAT sectors`);
  for (let i = 0; i < 109 && fatSectors.length < nFat; i++) fatSectors.push(u32(bytes, 0x4c + i * 4));
  let difat = u32(bytes, 0x44);
  for (let hops = 0; fatSectors.length < nFat && difat !== END && difat !== FREE; hops++) {
    if (hops > sectors) throw broken("DIFAT chain loops");
    const o = at(difat);
    for (let i = 0; i < size / 4 - 1 && fatSectors.length < nFat; i++) fatSectors.push(u32(bytes, o + i * 4));
    difat = u32(bytes, o + size - 4);
  }
  const fat = new Uint32Array(fatSectors.length * (size / 4));
  fatSectors.forEach((s, k) => {
    const o = at(s);
    for (let i = 0; i < size / 4; i++) fat[k * (size / 4) + i] = u32(bytes, o + i * 4);
  });

  const chain = (start: number, table: Uint32Array, limit: number): number[] => {
    const out: number[] = [];
    for (let s = start; s !== END; s = table[s]!) {
      if (s >= table.length || out.length > limit) throw broken("a sector chain is broken or loops");
      out.push(s);
    }
    return out;
  };
  const readChain = (start: number, length: number): Uint8Array => {
    const out = new Uint8Array(length);
    let p = 0;
    for (const s of chain(start, fat, sectors)) {
      if (p >= length) break;
      const o = at(s);
      const n = Math.min(size, length - p);
      out.set(bytes.subarray(o, o + n), p);
      p += n;
    }
    if (p < length) throw broken("a stream is shorter than its directory entry says");
    return out;
  };

  // the directory: 128-byte entries; a stream's name, start sector and size
  const dirStart = u32(bytes, 0x30);
  const dirSectors = chain(dirStart, fat, sectors);
  const entries: { name: string; type: number; start: number; size: number }[] = [];
  for (const s of dirSectors) {
    const o = at(s);
    for (let e = 0; e < size / 128; e++) {
      const d = o + e * 128;
      const len = Math.min(64, u16(bytes, d + 0x40));
      let name = "";
      for (let i = 0; i + 2 < len; i += 2) name += String.fromCharCode(u16(bytes, d + i));
      entries.push({ name, type: bytes[d + 0x42]!, start: u32(bytes, d + 0x74), size: u32(bytes, d + 0x78) });
    }
  }
  const root = entries[0];
  if (root?.type !== 5) throw broken("no root entry");

  const cutoff = u32(bytes, 0x38) || 4096;
  let mini: { fat: Uint32Array; data: Uint8Array } | null = null;
  const miniStream = () => {
    if (mini) return mini;
    const nMini = u32(bytes, 0x40);
    const start = u32(bytes, 0x3c);
    const raw = nMini && start !== END ? readChain(start, Math.min(nMini, sectors) * size) : new Uint8Array(0);
    const mfat = new Uint32Array(raw.length / 4);
    for (let i = 0; i < mfat.length; i++) mfat[i] = u32(raw, i * 4);
    if (root.size > bytes.length) throw broken("the mini stream is larger than the file");
    mini = { fat: mfat, data: readChain(root.start, root.size) };
    return mini;
  };

  return {
    names: new Set(entries.filter((e) => e.type === 2).map((e) => e.name)),
    stream(name) {
      const e = entries.find((x) => x.type === 2 && x.name === name);
      if (!e) return null;
      if (e.size > bytes.length) throw broken(`stream ${name} is larger than the file`);
      if (e.size >= cutoff) return readChain(e.start, e.size);
      const m = miniStream();
      const out = new Uint8Array(e.size);
      let p = 0;
      for (const s of chain(e.start, m.fat, m.data.length / 64)) {
        if (p >= e.size) break;
        const n = Math.min(64, e.size - p);
        if (s * 64 + n > m.data.length) throw broken(`stream ${name} is outside the mini stream`);
        out.set(m.data.subarray(s * 64, s * 64 + n), p);
        p += n;
      }
      if (p < e.size) throw broken(`stream ${name} is shorter than its directory entry says`);
      return out;
    },
  };
}
