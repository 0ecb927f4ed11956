// The templates (templates/*.hbs), compiled once on a Handlebars environment of their own, with
// the XML escaping helpers; report.hbs is the document, every other file a partial. The sources
// come from templates.generated.ts (generators/templates), not node:fs, so that a browser bundle
// (packages/editor) renders with the same templates.
import Handlebars from "handlebars";
import { decimalLiteral, escapeAttribute, escapeText } from "./chars.js";
import { templateSources } from "./templates.generated.js";
import type { ElementView } from "./view.js";

const hb = Handlebars.create();

// Every value of the report reaches the output through one of these; the SafeString keeps
// Handlebars from HTML-escaping it a second time.
const helpers = {
  text: (s: string) => new hb.SafeString(escapeText(s)),
  attributeValue: (s: string) => new hb.SafeString(escapeAttribute(s)),
  number: (n: number) => new hb.SafeString(decimalLiteral(n)),
  boolean: (b: boolean) => new hb.SafeString(b ? "true" : "false"),
};
for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);

const options: CompileOptions = {
  knownHelpers: Object.fromEntries(Object.keys(helpers).map((k) => [k, true])),
  knownHelpersOnly: true,
  noEscape: false,
};
const source = (name: string) => templateSources[name]!;

// Registered compiled (Handlebars compiles lazily, on first use, then keeps the function).
for (const name of Object.keys(templateSources)) {
  if (!name.includes("/") && name !== "report") hb.registerPartial(name, hb.compile(source(name), options));
}

/** The environment, for tests that check nothing is compiled per render. */
export const environment = hb;

export const reportTemplate: (view: { name: string; namespace: string; children: ElementView[] }) => string = hb.compile(
  source("report"),
  options,
);
