// The Handlebars templates, compiled once when this module loads, on an environment of their
// own so that no other code's helpers or partials can reach them. templates/*.hbs are rendered
// per report; templates/layout/*.hbs hold what depends only on the format (fragments.ts).
// The sources come from templates.generated.ts (generators/templates), not node:fs, so that a
// browser bundle (packages/editor) renders with the same templates.
import Handlebars from "handlebars";
import { eachCell } from "./helpers.js";
import { templateSources } from "./templates.generated.js";

// Where the .hbs files live, for tests that read them; held in a variable so that a bundler does
// not take `new URL(…, import.meta.url)` for an asset to copy.
const here = import.meta.url;
export const templateDir = new URL("../templates/", here);

/** Our own Handlebars: helpers or partials registered on the global one never apply here. */
export const env = Handlebars.create();
env.registerHelper("eachCell", eachCell);

// Templates use only eachCell and the built-in each, if, unless and with, so calls are compiled
// directly; {{#name}}…{{/name}} is a mustache section (write the block when name is set, with
// name as its context). No @data (first, index, root) is read, so none is built; and partials
// are never re-indented: the output's line breaks are the templates' own.
const options: CompileOptions = {
  knownHelpers: {
    eachCell: true,
    each: true,
    if: true,
    unless: true,
    with: true,
    lookup: false,
    log: false,
    blockHelperMissing: false,
    helperMissing: false,
  },
  knownHelpersOnly: true,
  data: false,
  preventIndent: true,
  strict: false,
};

interface CompilerInternals {
  Compiler: new () => { compile(ast: unknown, options: CompileOptions): unknown };
  JavaScriptCompiler: new () => {
    compile(environment: unknown, options: CompileOptions, context: undefined, asObject: true): TemplateSpecification;
  };
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

/** The templates directly in templates/ (prefix "") or in one of its folders (prefix "layout/"). */
function readTemplates(prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(templateSources)
      .filter(([path]) => path.startsWith(prefix) && !path.slice(prefix.length).includes("/"))
      .map(([path, source]) => [path.slice(prefix.length), source]),
  );
}

const sources = readTemplates("");
export const templateNames = Object.keys(sources);

/** templates/*.hbs: document and report are the two modes; every file is also a partial. */
export const compiled: Record<string, HandlebarsTemplateDelegate> = {};
for (const [name, source] of Object.entries(sources)) {
  compiled[name] = compileNow(source);
  env.registerPartial(name, compiled[name]!);
}

/** templates/layout/*.hbs, rendered once each by fragments.ts. */
export const layoutTemplates: Record<string, HandlebarsTemplateDelegate> = Object.fromEntries(
  Object.entries(readTemplates("layout/")).map(([name, source]) => [name, compileNow(source)]),
);

/** The page's CSS (templates/style.hbs), for an integrator who pastes fragments into a CMS. */
export const stylesheet: string = sources.style!;
