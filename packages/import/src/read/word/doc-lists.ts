// Word 97 automatic numbering (MS-DOC PlfLst, LVL, PlfLfo): a paragraph's sprmPIlfo / sprmPIlvl
// name its list and level; the level's number text (Xst with level placeholders) and format give
// the 一、 （一） 1. that Word draws but does not store in the text. Lists a paragraph gets from its
// style only are not drawn (the style sheet is not read).
import { formatted } from "./numbering.js";

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const i32 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);

/** MS-DOC's nfc codes in the names numbering.ts formats. */
const NFC: Record<number, string> = {
  0: "decimal",
  1: "upperRoman",
  2: "lowerRoman",
  3: "upperLetter",
  4: "lowerLetter",
  10: "ideographDigital",
  11: "japaneseCounting",
  14: "decimalFullWidth",
  18: "decimalEnclosedCircle",
  19: "decimalFullWidth2",
  23: "bullet",
  28: "decimalEnclosedCircleChinese",
  30: "ideographTraditional",
  33: "taiwaneseCounting",
  35: "taiwaneseCountingThousand",
  37: "chineseCounting",
  39: "chineseCountingThousand",
  255: "none",
};

interface Lvl {
  start: number;
  format: string;
  /** the number text: literal characters, or a level index (0–8) where a number goes */
  parts: (string | number)[];
}

export class DocLists {
  private readonly lists = new Map<number, Lvl[]>();
  private readonly lfo: number[] = [];
  private readonly counters = new Map<number, number[]>();

  constructor(table: Uint8Array, lst: { fc: number; lcb: number }, lfo: { fc: number; lcb: number }) {
    if (lst.lcb >= 2 && lst.fc + lst.lcb <= table.length) this.readLists(table, lst.fc, lst.fc + lst.lcb);
    if (lfo.lcb >= 4 && lfo.fc + lfo.lcb <= table.length) {
      const n = Math.min(i32(table, lfo.fc), (lfo.lcb - 4) / 16);
      for (let i = 0; i < n; i++) this.lfo.push(i32(table, lfo.fc + 4 + i * 16));
    }
  }

  private readLists(t: Uint8Array, from: number, end: number): void {
    const count = u16(t, from);
    const lstf: { lsid: number; simple: boolean }[] = [];
    for (let i = 0; i < count && from + 2 + (i + 1) * 28 <= end; i++) {
      const o = from + 2 + i * 28;
      lstf.push({ lsid: i32(t, o), simple: (t[o + 26]! & 1) === 1 });
    }
    // the LVLs follow the PlfLst in the table stream, list after list
    let p = from + 2 + count * 28;
    for (const l of lstf) {
      const levels: Lvl[] = [];
      for (let k = 0; k < (l.simple ? 1 : 9); k++) {
        if (p + 28 > t.length) return;
        const start = i32(t, p);
        const nfc = t[p + 4]!;
        const placeholders = new Set(Array.from(t.subarray(p + 6, p + 15)).filter((x) => x > 0));
        const cbChpx = t[p + 24]!;
        const cbPapx = t[p + 25]!;
        p += 28 + cbPapx + cbChpx;
        const cch = u16(t, p);
        if (p + 2 + cch * 2 > t.length) return;
        const parts: (string | number)[] = [];
        for (let c = 0; c < cch; c++) {
          const ch = u16(t, p + 2 + c * 2);
          parts.push(placeholders.has(c + 1) && ch < 9 ? ch : String.fromCharCode(ch));
        }
        p += 2 + cch * 2;
        levels.push({ start, format: NFC[nfc] ?? "decimal", parts });
      }
      this.lists.set(l.lsid, levels);
    }
  }

  /** The number drawn before the next paragraph of list ilfo (1-based) at level ilvl. */
  next(ilfo: number, ilvl: number): string {
    const lsid = this.lfo[ilfo - 1];
    const levels = lsid === undefined ? undefined : this.lists.get(lsid);
    const lvl = levels?.[Math.min(ilvl, levels.length - 1)];
    if (!levels || !lvl || lvl.format === "bullet") return "";
    const at = Math.min(ilvl, levels.length - 1);
    const counters = this.counters.get(lsid!) ?? levels.map((l) => l.start - 1);
    this.counters.set(lsid!, counters);
    counters[at]!++;
    for (let d = at + 1; d < levels.length; d++) counters[d] = levels[d]!.start - 1;
    return lvl.parts.map((x) => (typeof x === "number" ? formatted(counters[x] ?? 0, levels[x]?.format ?? "decimal") : x)).join("");
  }
}
