// The parts of the tables that depend only on the format — header rows, row label cells with
// their spans — rendered once per edition, when the module loads, from templates/layout/*.hbs.
// Renders place them as they are: they hold the schema's labels, escaped by their template, and
// no report data, which is never marked safe.
import type { SafeString } from "handlebars";
import type { EditionLayout } from "./layout.js";
import { env, layoutTemplates } from "./templates.js";

function fragment(name: string, context: unknown): SafeString {
  // the file's final line break would otherwise end up inside the line that places it
  return new env.SafeString(layoutTemplates[name]!(context).replace(/\n$/, ""));
}

export interface Fragments {
  proactiveBlockHeads: SafeString[];
  applicationsHead: SafeString;
  applicationsRows: SafeString[];
  reviewHead: SafeString;
}

export function fragmentsOf({ proactive, applications, review }: EditionLayout): Fragments {
  return {
    proactiveBlockHeads: proactive.map((b) => fragment("proactive-block-head", b)),
    applicationsHead: fragment("applications-head", applications),
    applicationsRows: applications.rows.map((row) => fragment("applications-row", row)),
    reviewHead: fragment("review-head", review),
  };
}
