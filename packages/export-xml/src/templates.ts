// The templates (templates/*.hbs), compiled once on a Handlebars environment of their own, with
// the XML escaping helpers; report.hbs is the document, every other file a partial.
import { readdirSync, readFileSync } from "node:fs";
import Handlebars from "handlebars";
import { decimalLiteral, escapeAttribute, escapeText } from "./chars.js";
import type { ElementView } from "./view.js";

const dir = new URL("../templates/", import.meta.url);
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
const source = (file: string) => readFileSync(new URL(file, dir), "utf8");

// Registered compiled (Handlebars compiles lazily, on first use, then keeps the function).
for (const file of readdirSync(dir)) {
  if (file.endsWith(".hbs") && file !== "report.hbs") hb.registerPartial(file.slice(0, -4), hb.compile(source(file), options));
}

/** The environment, for tests that check nothing is compiled per render. */
export const environment = hb;

export const reportTemplate: (view: { name: string; namespace: string; children: ElementView[] }) => string = hb.compile(source("report.hbs"), options);
