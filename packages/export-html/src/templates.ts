// The Handlebars templates, compiled once when this module loads, on an environment of their
// own so that no other code's helpers or partials can reach them. templates/*.hbs are rendered
// per report; templates/layout/*.hbs hold what depends only on the format (fragments.ts).
import { readdirSync, readFileSync } from "node:fs";
import Handlebars from "handlebars";
import { eachCell } from "./helpers.js";

export const templateDir = new URL("../templates/", import.meta.url);

/** Our own Handlebars: helpers or partials registered on the global one never apply here. */
export const env = Handlebars.create();
env.registerHelper("eachCell", eachCell);

// Templates use only eachCell and the built-in each, if, unless and with, so calls are compiled
// directly; {{#name}}…{{/name}} is a mustache section (write the block when name is set, with
// name as its context). No @data (first, index, root) is read, so none is built; and partials
// are never re-indented: the output's line breaks are the templates' own.
const options: CompileOptions = {
  knownHelpers: { eachCell: true, each: true, if: true, unless: true, with: true, lookup: false, log: false, blockHelperMissing: false, helperMissing: false },
  knownHelpersOnly: true,
  data: false,
  preventIndent: true,
  strict: false,
};

interface CompilerInternals {
  Compiler: new () => { compile(ast: unknown, options: CompileOptions): unknown };
  JavaScriptCompiler: new () => { compile(environment: unknown, options: CompileOptions, context: undefined, asObject: true): TemplateSpecification };
}

/**
 * env.compile would defer the work to the first render; doing what it does now means a broken
 * template fails at import, and no render ever pays for compiling.
 */
function compileNow(source: string): HandlebarsTemplateDelegate {
  const internals = env as unknown as CompilerInternals;
  const ast = env.parse(source);
  const environment = new internals.Compiler().compile(ast, options);
  const spec = new internals.JavaScriptCompiler().compile(environment, options, undefined, true);
  return env.template(spec);
}

function readTemplates(dir: URL): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(".hbs"))
      .sort()
      .map((f) => [f.slice(0, -".hbs".length), readFileSync(new URL(f, dir), "utf8")]),
  );
}

const sources = readTemplates(templateDir);
export const templateNames = Object.keys(sources);

/** templates/*.hbs: document and report are the two modes; every file is also a partial. */
export const compiled: Record<string, HandlebarsTemplateDelegate> = {};
for (const [name, source] of Object.entries(sources)) {
  compiled[name] = compileNow(source);
  env.registerPartial(name, compiled[name]!);
}

/** templates/layout/*.hbs, rendered once each by fragments.ts. */
export const layoutTemplates: Record<string, HandlebarsTemplateDelegate> = Object.fromEntries(
  Object.entries(readTemplates(new URL("layout/", templateDir))).map(([name, source]) => [name, compileNow(source)]),
);

/** The page's CSS (templates/style.hbs), for an integrator who pastes fragments into a CMS. */
export const stylesheet: string = sources.style!;
