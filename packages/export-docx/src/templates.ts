// The Handlebars templates, compiled once when this module loads on an environment of their own,
// so that no other code's helpers or partials reach them. The sources come from
// templates.generated.ts (generators/templates), not node:fs, so that a browser bundle
// (packages/editor) writes the same bytes. templates/*.hbs are rendered per report (document is
// word/document.xml; the others are its partials); templates/layout/*.hbs hold what depends on
// the format only, rendered once per edition (fragments.ts); templates/parts/*.hbs are the
// package's other parts, rendered once (static) or per report (core: the title).
import Handlebars from "handlebars";
import { eachCell } from "./helpers.js";
import { templateSources } from "./templates.generated.js";

export const env = Handlebars.create();
env.registerHelper("eachCell", eachCell);

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

// rendered as byte strings (bytes.ts): document.xml's templates (no folder) and docProps/core.xml
const byteStringTemplate = (path: string): boolean => !path.includes("/") || path === "parts/core";

/** Does the template's own text (outside {{…}} and comments) hold a character beyond ASCII? */
const nonAscii = (node: unknown): boolean =>
  node !== null &&
  typeof node === "object" &&
  ((node as { type?: string }).type === "ContentStatement"
    ? /[^\0-\x7f]/.test((node as { value: string }).value)
    : Object.values(node).some(nonAscii));

/**
 * env.compile would defer the work to the first render; doing what it does now (as export-html
 * does) means a broken template fails at import, and no render ever pays for compiling.
 */
function compileNow(source: string, path: string): HandlebarsTemplateDelegate {
  const internals = env as unknown as CompilerInternals;
  const ast = env.parse(source);
  // in a byte string such a character would be written as one byte, not as its UTF-8: fail at
  // import rather than write a broken file
  if (byteStringTemplate(path) && nonAscii(ast))
    throw new Error(`templates/${path}.hbs: its text outside {{…}} must be ASCII (write a character reference)`);
  const environment = new internals.Compiler().compile(ast, options);
  const spec = new internals.JavaScriptCompiler().compile(environment, options, undefined, true);
  return env.template(spec);
}

function group(prefix: string): Record<string, HandlebarsTemplateDelegate> {
  const out: Record<string, HandlebarsTemplateDelegate> = {};
  for (const [path, source] of Object.entries(templateSources)) {
    const name = path.slice(prefix.length);
    if (path.startsWith(prefix) && !name.includes("/")) out[name] = compileNow(source, path);
  }
  return out;
}

/** templates/*.hbs: every file is also a partial of document.hbs. */
export const compiled = group("");
for (const [name, template] of Object.entries(compiled)) env.registerPartial(name, template);

export const layoutTemplates = group("layout/");
export const partTemplates = group("parts/");
