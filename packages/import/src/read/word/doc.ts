// Legacy Word 97–2003 (.doc, and the .doc/.wps files WPS Office writes) → HTML for the importer's
// HTML reader. The text comes from the piece table (MS-DOC §2.4.1); which \x07 marks end a table
// row (and not a cell) and which paragraphs are inside a table comes from the paragraph properties
// (sprmPFTtp, sprmPFInTable, sprmPItap), so rows and blank cells are exact. Merged cells are not
// drawn back (a .doc stores a horizontal merge as one wider cell and a vertical one as empty cells
// below), which the HTML reader takes as they come: values are the last cells of a row.
import { isCfb, readCfb } from "./cfb.js";
import { WordFailure } from "./failure.js";
import { DocLists } from "./doc-lists.js";
import { readTap, tableHtml, type Tap } from "./doc-table.js";

export { isCfb };

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const broken = (detail: string) => new WordFailure("unreadable", "docBroken", { detail });

interface Piece {
  cpStart: number;
  cpEnd: number;
  /** byte offset of the piece's text in the WordDocument stream */
  fc: number;
  /** bytes per character: 1 (cp1252) or 2 (UTF-16LE) */
  bpc: 1 | 2;
}

interface Marks {
  /** row-end marks, each with its row's cell geometry and merges when the file gives them */
  rowEnds: Map<number, Tap | null>;
  inTable: Set<number>;
  /** paragraph ends → the list (1-based ilfo) and level the paragraph is numbered in */
  lists: Map<number, { ilfo: number; ilvl: number }>;
}

/** Throws WordFailure for anything that is not a readable, unencrypted Word 97+ document. */
export function docToHtml(bytes: Uint8Array): string {
  const cfb = readCfb(bytes);
  // an encrypted .docx is a compound file holding the encrypted package
  if (cfb.names.has("EncryptedPackage") || cfb.names.has("EncryptionInfo")) throw new WordFailure("unreadable", "encrypted", {});
  const wd = cfb.stream("WordDocument");
  if (!wd) throw new WordFailure("unreadable", "notWordOle", {});
  if (wd.length < 0x200 || u16(wd, 0) !== 0xa5ec) throw broken("no Word file information block");
  const nFib = u16(wd, 2);
  if (nFib < 0xc1 && nFib !== 0) throw new WordFailure("unreadable", "docOld", {});
  const flags = u16(wd, 0x0a);
  if (flags & 0x0100 || flags & 0x8000) throw new WordFailure("unreadable", "encrypted", {});
  const table = cfb.stream(flags & 0x0200 ? "1Table" : "0Table");
  if (!table) throw broken("no table stream");

  // FibRgLw97 (ccpText) and FibRgFcLcb97 follow the variable-length FibRgW97
  const csw = u16(wd, 0x20);
  const lw = 0x22 + csw * 2 + 2;
  const ccpText = u32(wd, lw + 12);
  const fcLcb = lw + u16(wd, lw - 2) * 4 + 2;
  const pair = (k: number) => ({ fc: u32(wd, fcLcb + k * 8), lcb: u32(wd, fcLcb + k * 8 + 4) });
  if (fcLcb + 34 * 8 > wd.length) throw broken("the file information block is cut short");

  const pieces = pieceTable(table, pair(33));
  const marks = paragraphMarks(wd, table, pair(13), pieces, cfb.stream("Data"));
  const text = mainText(wd, pieces, Math.min(ccpText, 16 * 1024 * 1024));
  const lists = new DocLists(table, pair(73), pair(74));
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>\n${layout(text, marks, lists)}\n</body></html>`;
}

export function pieceTable(table: Uint8Array, clx: { fc: number; lcb: number }): Piece[] {
  let p = clx.fc;
  const end = Math.min(table.length, clx.fc + clx.lcb);
  while (p < end && table[p] === 0x01) p += 3 + u16(table, p + 1); // Prc: property modifiers, skipped
  if (p >= end || table[p] !== 0x02) throw broken("no piece table");
  const lcb = u32(table, p + 1);
  p += 5;
  if (p + lcb > table.length || lcb < 16) throw broken("the piece table is cut short");
  const n = (lcb - 4) / 12;
  if (!Number.isInteger(n)) throw broken("the piece table has a bad size");
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const raw = u32(table, p + (n + 1) * 4 + i * 8 + 2);
    const compressed = (raw & 0x40000000) !== 0;
    const fc = raw & 0x3fffffff;
    pieces.push({
      cpStart: u32(table, p + i * 4),
      cpEnd: u32(table, p + (i + 1) * 4),
      fc: compressed ? fc / 2 : fc,
      bpc: compressed ? 1 : 2,
    });
  }
  return pieces;
}

const cp1252 = new TextDecoder("windows-1252");
const utf16 = new TextDecoder("utf-16le");

function mainText(wd: Uint8Array, pieces: Piece[], ccpText: number): string {
  const out: string[] = [];
  for (const pc of pieces) {
    if (pc.cpStart >= ccpText) continue;
    const count = Math.min(pc.cpEnd, ccpText) - pc.cpStart;
    if (count <= 0) continue;
    const start = pc.fc;
    const stop = start + count * pc.bpc;
    if (stop > wd.length) throw broken("a piece of text is past the end of the stream");
    out.push((pc.bpc === 1 ? cp1252 : utf16).decode(wd.subarray(start, stop)));
  }
  return out.join("");
}

/** Operand size of a sprm (MS-DOC §2.6.1) at p; -1 when it cannot be told. */
function operandSize(g: Uint8Array, p: number, sprm: number, end: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      if (sprm === 0xd608 || sprm === 0xd606) return p + 2 <= end ? 2 + u16(g, p) - 1 : -1; // sprmTDefTable
      if (sprm === 0xc615 && g[p] === 255) {
        const del = g[p + 1] ?? 0;
        const add = g[p + 2 + del * 4] ?? 0;
        return 1 + 1 + del * 4 + 1 + add * 3;
      }
      return p < end ? 1 + g[p]! : -1;
  }
}

/** The CPs of row-end marks and of paragraph ends inside tables, from the PAPX FKPs. */
/**
 * Whether a paragraph's properties say it ends a table row or is in a table. Properties too big for
 * their page (a wide table's row end) are in the Data stream, behind sprmPHugePapx.
 */
interface ParaFlags {
  ttp: boolean;
  inTable: boolean;
  tap: Tap | null;
  ilfo: number;
  ilvl: number;
}

function scanSprms(g: Uint8Array, from: number, end: number, data: Uint8Array | null, huge = true): ParaFlags {
  const out: ParaFlags = { ttp: false, inTable: false, tap: null, ilfo: 0, ilvl: 0 };
  for (let p = from; p + 2 <= end; ) {
    const sprm = u16(g, p);
    const size = operandSize(g, p + 2, sprm, end);
    if (size < 0) break;
    const v = g[p + 2] ?? 0;
    if ((sprm === 0x2417 || sprm === 0x244b) && v) out.ttp = true;
    if ((sprm === 0x2416 && v) || (sprm === 0x6649 && u32(g, p + 2) > 0)) out.inTable = true;
    if (sprm === 0x460b) out.ilfo = u16(g, p + 2);
    if (sprm === 0x260a) out.ilvl = Math.min(8, v);
    if (sprm === 0xd608 || sprm === 0xd62b) out.tap = readTap(g, p + 2, p + 2 + size, sprm, out.tap);
    if (sprm === 0x6646 && huge && data) {
      const at = u32(g, p + 2);
      if (at + 2 <= data.length) {
        const inner = scanSprms(data, at + 2, Math.min(data.length, at + 2 + u16(data, at)), null, false);
        out.ttp ||= inner.ttp;
        out.inTable ||= inner.inTable;
        out.tap ??= inner.tap;
        out.ilfo ||= inner.ilfo;
        out.ilvl ||= inner.ilvl;
      }
    }
    p += 2 + size;
  }
  return out;
}

export function paragraphMarks(
  wd: Uint8Array,
  table: Uint8Array,
  plc: { fc: number; lcb: number },
  pieces: Piece[],
  data: Uint8Array | null,
): Marks {
  const marks: Marks = { rowEnds: new Map(), inTable: new Set(), lists: new Map() };
  if (plc.lcb < 12 || plc.fc + plc.lcb > table.length) return marks;
  const n = (plc.lcb - 4) / 8;
  const cpOf = (fc: number): number | null => {
    for (const pc of pieces) {
      const len = (pc.cpEnd - pc.cpStart) * pc.bpc;
      if (fc >= pc.fc && fc < pc.fc + len) return pc.cpStart + (fc - pc.fc) / pc.bpc;
    }
    return null;
  };
  for (let i = 0; i < n; i++) {
    const pn = u32(table, plc.fc + (n + 1) * 4 + i * 4) & 0x3fffff;
    const page = pn * 512;
    if (page + 512 > wd.length) continue;
    const crun = wd[page + 511]!;
    for (let k = 0; k < crun; k++) {
      const fcEnd = u32(wd, page + (k + 1) * 4);
      const bx = wd[page + (crun + 1) * 4 + k * 13]!;
      if (!bx) continue;
      let o = page + bx * 2;
      let cb = wd[o]!;
      let len: number;
      if (cb) {
        len = 2 * cb - 1;
        o += 1;
      } else {
        cb = wd[o + 1]!;
        len = 2 * cb;
        o += 2;
      }
      const flags = scanSprms(wd, o + 2, Math.min(page + 511, o + len), data);
      const { ttp, inTable, tap, ilfo, ilvl } = flags;
      // ilfo 0 is no list; 0xF801 and above are Word 6 leftovers
      const listed = ilfo > 0 && ilfo < 0xf801;
      if (!ttp && !inTable && !listed) continue;
      // the paragraph's mark is its last character; its CP is found through the pieces
      for (const bpc of [2, 1]) {
        const cp = cpOf(fcEnd - bpc);
        if (cp === null || !Number.isInteger(cp)) continue;
        if (ttp) marks.rowEnds.set(cp, tap);
        if (inTable) marks.inTable.add(cp);
        if (listed) marks.lists.set(cp, { ilfo, ilvl });
        break;
      }
    }
  }
  return marks;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\n/g, "<br>");

/** The text with its paragraph, cell and row marks as HTML paragraphs and tables. */
function layout(text: string, marks: Marks, lists: DocLists): string {
  const out: string[] = [];
  let para = "";
  let cell: string[] = [];
  let row: string[] = [];
  let rows: { cells: string[]; tap: Tap | null }[] = [];
  let field = 0; // depth of field instructions (\x13 … \x14) being skipped
  const flushTable = () => {
    if (row.length) rows.push({ cells: row, tap: null });
    if (rows.length) out.push(tableHtml(rows));
    rows = [];
    row = [];
  };
  for (let cp = 0; cp < text.length; cp++) {
    const ch = text[cp]!;
    const code = ch.charCodeAt(0);
    if (code === 0x13) {
      field++;
      continue;
    }
    if (code === 0x14 || code === 0x15) {
      if (field) field--;
      continue;
    }
    if (field) continue;
    // a numbered paragraph: the number Word draws goes before its text, in document order
    if (code === 0x0d || code === 0x0c || code === 0x07) {
      const list = marks.lists.get(cp);
      if (list) para = lists.next(list.ilfo, list.ilvl) + para;
    }
    if (code === 0x0d || code === 0x0c) {
      if (marks.inTable.has(cp) || row.length) cell.push(`<p>${esc(para)}</p>`);
      else {
        flushTable();
        out.push(`<p>${esc(para)}</p>`);
      }
      para = "";
    } else if (code === 0x07) {
      if (marks.rowEnds.has(cp)) {
        if (para || cell.length) row.push(cell.join("") + (para ? `<p>${esc(para)}</p>` : ""));
        rows.push({ cells: row, tap: marks.rowEnds.get(cp) ?? null });
        row = [];
      } else row.push(cell.join("") + (para ? `<p>${esc(para)}</p>` : ""));
      cell = [];
      para = "";
    } else if (code === 0x0b) para += "\n";
    else if (code === 0x1e) para += "-";
    else if (code === 0x09) para += " ";
    else if (code === 0x0a) para += "\n";
    else if (code >= 0x20) para += ch;
  }
  if (para) cell.push(`<p>${esc(para)}</p>`);
  if (cell.length && row.length) row.push(cell.join(""));
  flushTable();
  if (cell.length && !row.length) out.push(...cell);
  return out.join("\n");
}
