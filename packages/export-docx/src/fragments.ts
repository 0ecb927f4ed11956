// What depends only on the format — column widths, header rows, the row label cells with their
// merges — derived from export-html's layout of each edition (the same source the HTML page is
// laid out from) and rendered once per edition from templates/layout/*.hbs. Renders place the
// fragments as they are: they hold the schema's labels, escaped by their template, and no report
// data, which is never marked safe.
import type { SafeString } from "handlebars";
import { editions, layouts, type EditionLayout, type RenderEdition } from "@zfxxgk/export-html";
import { labels as schemaLabels, type Edition, type Labels } from "@zfxxgk/schema";
import { env, layoutTemplates } from "./templates.js";

/** The text width in twips: A4 (11906) less GB/T 9704's left (28mm) and right (26mm) margins. */
export const TEXT_WIDTH = 11906 - 1588 - 1474;

function fragment(name: string, context: unknown): SafeString {
  // the file's final line break would otherwise end up inside the line that places it
  return new env.SafeString(layoutTemplates[name]!(context).replace(/\n$/, ""));
}

function tableProperties(grid: number[]): SafeString {
  return fragment("table-properties", { grid, width: grid.reduce((a, b) => a + b, 0) });
}

/** n equal columns over what is left of the text width. */
const share = (left: number, n: number): number[] => Array.from({ length: n }, () => Math.floor(left / n));

export interface Fragments {
  proactive: { properties: SafeString; blockHeads: SafeString[] };
  applications: { properties: SafeString; head: SafeString; rows: SafeString[] };
  review: { properties: SafeString; head: SafeString };
}

function fragmentsOf({ proactive, applications, review }: EditionLayout, labels: Labels): Fragments {
  // 表二: the label column takes about a third, the widest block's value columns share the rest
  const width = proactive[0]!.width;
  const labelColumn = Math.round(TEXT_WIDTH * 0.31);
  // 表三: the two group columns narrow (三、本年度办理结果 two characters a line), the row labels wide,
  // seven equal value columns
  const labelColumns = [680, 1000, 2100];
  return {
    proactive: {
      properties: tableProperties([labelColumn, ...share(TEXT_WIDTH - labelColumn, width - 1)]),
      blockHeads: proactive.map((b) => fragment("proactive-block-head", b)),
    },
    applications: {
      properties: tableProperties([...labelColumns, ...share(TEXT_WIDTH - 2100 - 1000 - 680, applications.columnKeys.length)]),
      head: fragment("applications-head", {
        labels: labels.applications,
        groupLabel: labels.applications.columnGroups[0]?.label ?? "",
        groupedColumns: applications.groupedColumns,
      }),
      // a group that started above this row continues in it (w:vMerge): the outer ones, as a group
      // starting here is never outside one that started earlier
      rows: applications.rows.map((row) =>
        fragment("applications-row", { ...row, continuing: Array.from({ length: row.path.length - 1 - row.groups.length }) }),
      ),
    },
    review: {
      properties: tableProperties(share(TEXT_WIDTH, review.columnKeys.length * review.groups.length)),
      head: fragment("review-head", { labels: labels.reviewAndLitigation, columns: review.columns }),
    },
  };
}

export const fragments = Object.fromEntries(editions.map((e) => [e, fragmentsOf(layouts[e]!, schemaLabels[e as Edition])])) as Record<RenderEdition, Fragments>;
