// What depends only on the format — column widths, header rows, the row label cells with their
// merges — derived from export-html's layout of each edition (the same source the HTML page is
// laid out from) and rendered once per edition from templates/layout/*.hbs. Renders place the
// fragments as they are: they hold the schema's labels, escaped by their template, and no report
// data, which is never marked safe.
import type { SafeString } from "handlebars";
import { editions, layouts, type EditionLayout, type RenderEdition } from "@zfxxgk/export-html";
import { utf8 } from "./bytes.js";
import { env, layoutTemplates } from "./templates.js";

/** The text width in twips: A4 (11906) less GB/T 9704's left (28mm) and right (26mm) margins. */
export const TEXT_WIDTH = 11906 - 1588 - 1474;

function fragment(name: string, context: unknown): SafeString {
  // the file's final line break would otherwise end up inside the line that places it
  // (and it is a byte string, bytes.ts, as the document it is placed in)
  return new env.SafeString(utf8(layoutTemplates[name]!(context).replace(/\n$/, "")));
}

function tableProperties(grid: number[]): SafeString {
  return fragment("table-properties", { grid, width: grid.reduce((a, b) => a + b, 0) });
}

/** n equal columns over what is left of the text width. */
const share = (left: number, n: number): number[] => Array.from({ length: n }, () => Math.floor(left / n));

/** A header cell as the HTML export lays it out: label and spans (undefined for 1). */
interface HeadCell {
  label: string;
  colspan: number | undefined;
  rowspan: number | undefined;
  style?: string;
}

/** A cell of a WordprocessingML header row: a merge starting here, carried on, or none. */
interface DocxHeadCell {
  label?: string;
  colspan: number | undefined;
  style?: string;
  restarts?: boolean;
  continues?: boolean;
}

/**
 * HTML's rowspan becomes Word's vertical merge: a cell that reaches down starts one, and each row
 * below it holds a continuing cell at its grid column, which HTML leaves out.
 */
export function headRows(rows: HeadCell[][]): DocxHeadCell[][] {
  const carried = new Map<number, { left: number; colspan: number | undefined }>();
  return rows.map((row) => {
    const out: DocxHeadCell[] = [];
    let column = 0;
    let i = 0;
    while (i < row.length || carried.size) {
      const carry = carried.get(column);
      if (carry) {
        out.push({ continues: true, colspan: carry.colspan });
        if (--carry.left === 0) carried.delete(column);
        column += carry.colspan ?? 1;
        continue;
      }
      const cell = row[i++];
      if (!cell) break;
      const rowspan = cell.rowspan ?? 1;
      if (rowspan > 1) carried.set(column, { left: rowspan - 1, colspan: cell.colspan });
      out.push({ label: cell.label, colspan: cell.colspan, style: cell.style ?? "CellHead", ...(rowspan > 1 ? { restarts: true } : {}) });
      column += cell.colspan ?? 1;
    }
    return out;
  });
}

export interface Fragments {
  proactive: { properties: SafeString; blockHeads: SafeString[] };
  applications: { properties: SafeString; head: SafeString; rows: SafeString[] };
  review: { properties: SafeString; head: SafeString };
}

const span = (n: number): number | undefined => (n > 1 ? n : undefined);

function fragmentsOf({ proactive, applications: a, review }: EditionLayout): Fragments {
  // 表二: the label column takes about a third, the widest block's value columns share the rest
  const width = proactive[0]!.width;
  const labelColumn = Math.round(TEXT_WIDTH * 0.31);
  // 表三: the group columns narrow (三、本年度办理结果 two characters a line), the row labels wide,
  // the value columns equal
  const labelColumns = a.depth === 3 ? [680, 1000, 2100] : share(3780, a.depth);
  const labelWidth = labelColumns.reduce((x, y) => x + y, 0);
  const applicationsHead: HeadCell[][] = [
    [
      { label: a.headerNote, colspan: span(a.depth), rowspan: span(a.headRows), style: "Cell" },
      { label: a.columnGroupHeader, colspan: span(a.columnCount), rowspan: undefined },
    ],
    a.secondRow,
    ...(a.groupedColumns.length ? [a.groupedColumns.map((label) => ({ label, colspan: undefined, rowspan: undefined }))] : []),
  ];
  return {
    proactive: {
      properties: tableProperties([labelColumn, ...share(TEXT_WIDTH - labelColumn, width - 1)]),
      blockHeads: proactive.map((b) => fragment("proactive-block-head", b)),
    },
    applications: {
      properties: tableProperties([...labelColumns, ...share(TEXT_WIDTH - labelWidth, a.columnKeys.length)]),
      head: fragment("head-rows", headRows(applicationsHead)),
      // a group that started above this row continues in it (w:vMerge): the outer ones, as a group
      // starting here is never outside one that started earlier
      rows: a.rows.map((row) =>
        fragment("applications-row", { ...row, continuing: Array.from({ length: row.path.length - 1 - row.groups.length }) }),
      ),
    },
    review: {
      properties: tableProperties(share(TEXT_WIDTH, review.columnKeys.length * review.groups.length)),
      head: fragment("head-rows", headRows(review.headRows)),
    },
  };
}

export const fragments = Object.fromEntries(editions.map((e) => [e, fragmentsOf(layouts[e]!)])) as Record<RenderEdition, Fragments>;
