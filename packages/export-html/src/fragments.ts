// The parts of the tables that depend only on the format — header rows, row label cells with
// their spans — rendered once, when the module loads, from templates/layout/*.hbs. Renders
// place them as they are: they hold the schema's labels, escaped by their template, and no
// report data, which is never marked safe.
import type { SafeString } from "handlebars";
import { labels, layout } from "./layout.js";
import { env, layoutTemplates } from "./templates.js";

function fragment(name: string, context: unknown): SafeString {
  // the file's final line break would otherwise end up inside the line that places it
  return new env.SafeString(layoutTemplates[name]!(context).replace(/\n$/, ""));
}

export const fragments = {
  proactiveBlockHeads: layout.proactive.map((b) => fragment("proactive-block-head", b)),
  applicationsHead: fragment("applications-head", {
    labels: labels.applications,
    groupLabel: labels.applications.columnGroups[0]?.label ?? "",
    groupedColumns: layout.applications.groupedColumns,
  }),
  applicationsRows: layout.applications.rows.map((row) => fragment("applications-row", row)),
  reviewHead: fragment("review-head", { labels: labels.reviewAndLitigation, columns: layout.review.columns }),
};
