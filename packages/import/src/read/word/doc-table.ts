// A .doc table row's geometry and merges (its TAP: sprmTDefTable's cell edges and TC80 flags,
// sprmTVertMerge), and the rows drawn back as an HTML table on one grid: a cell's colspan from the
// column edges it spans, a vertical merge's continuation cells folded into one cell with rowspan.

export interface Tap {
  /** the cells' edges, left to right (twips): cell i spans x[i]..x[i+1] */
  x: number[];
  /** per cell: 0 not merged, 1 starts a vertical merge, 2 continues the one above */
  vm: number[];
  /** per cell: true when it continues the horizontally merged cell before it (Word 97's merge) */
  hm: boolean[];
}

const i16 = (b: Uint8Array, i: number) => ((b[i]! | (b[i + 1]! << 8)) << 16) >> 16;

/** Reads sprmTDefTable (0xD608) or sprmTVertMerge (0xD62B) at p (the operand) into the row's Tap. */
export function readTap(g: Uint8Array, p: number, end: number, sprm: number, tap: Tap | null): Tap | null {
  if (sprm === 0xd608) {
    const n = g[p + 2] ?? 0;
    const x: number[] = [];
    for (let i = 0; i <= n && p + 3 + i * 2 + 2 <= end; i++) x.push(i16(g, p + 3 + i * 2));
    if (x.length !== n + 1) return tap;
    const vm: number[] = [];
    const hm: boolean[] = [];
    const tc = p + 3 + (n + 1) * 2;
    for (let i = 0; i < n; i++) {
      const o = tc + i * 20;
      const flags = o + 2 <= end ? g[o]! | (g[o + 1]! << 8) : 0;
      vm.push(flags & 0x20 ? (flags & 0x40 ? 1 : 2) : 0);
      hm.push((flags & 0x03) === 0x02);
    }
    // a sprmTVertMerge read before this one still holds
    if (tap) tap.vm.forEach((v, i) => v && i < vm.length && (vm[i] = v));
    return { x, vm, hm };
  }
  // sprmTVertMerge: cb (2), the cell, 0 / 1 (first) / 3 (continued)
  const itc = g[p + 1] ?? 0;
  const flag = g[p + 2] ?? 0;
  const t = tap ?? { x: [], vm: [], hm: [] };
  t.vm[itc] = flag === 3 ? 2 : flag === 1 ? 1 : 0;
  return t;
}

export function tableHtml(rows: { cells: string[]; tap: Tap | null }[]): string {
  const edges = [...new Set(rows.flatMap((r) => (r.tap && r.tap.x.length === r.cells.length + 1 ? r.tap.x : [])))].sort((a, b) => a - b);
  const col = (x: number) => edges.indexOf(x);
  type Out = { html: string; colspan: number; rowspan: number };
  const grid: Out[][] = [];
  // the cell that a vertical merge runs down from, by its left edge
  const owner = new Map<number, Out>();
  for (const r of rows) {
    const line: Out[] = [];
    const geometry = r.tap && r.tap.x.length === r.cells.length + 1 ? r.tap : null;
    r.cells.forEach((html, i) => {
      if (!geometry) {
        line.push({ html, colspan: 1, rowspan: 1 });
        return;
      }
      const left = geometry.x[i]!;
      const span = Math.max(1, col(geometry.x[i + 1]!) - col(left));
      const vm = geometry.vm[i] ?? 0;
      const prev = line[line.length - 1];
      if (geometry.hm[i] && prev) {
        prev.colspan += span;
        prev.html += html;
        return;
      }
      const above = owner.get(left);
      if (vm === 2 && above && above.colspan === span) {
        above.rowspan++;
        return;
      }
      const cell = { html, colspan: span, rowspan: 1 };
      if (vm) owner.set(left, cell);
      else owner.delete(left);
      line.push(cell);
    });
    grid.push(line);
  }
  const td = (c: Out) =>
    `<td${c.colspan > 1 ? ` colspan="${c.colspan}"` : ""}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ""}>${c.html}</td>`;
  return `<table>${grid.map((line) => `<tr>${line.map(td).join("")}</tr>`).join("")}</table>`;
}
