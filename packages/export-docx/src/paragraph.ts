// A paragraph's XML, made in the view rather than by a partial call per paragraph: a render writes
// dozens of paragraphs, and Handlebars' partial, #if and #each machinery cost several times the
// paragraph's own bytes. templates/paragraph.hbs stays the one source of that XML: it is rendered
// once per shape (style, with or without a run-in heading) with markers where the texts go, and
// cut at them; a paragraph is then the template's own pieces around its escaped text. A paragraph
// holding a line break (rare: one run per line) is rendered by the template itself.
import { linesOf } from "@zfxxgk/export-html";
import { utf8 } from "./bytes.js";
import { compiled, env } from "./templates.js";

// Neither the template's own text nor a style name holds U+0001 or U+0002, so a marker in the
// output it gives for a shape is where it put a text; report text never goes through this cut.
const LEAD = "\u0001";
const TEXT = "\u0002";
const MARKER = /([\u0001\u0002])/;
// the file's final line break: the template placing a paragraph puts it on a line of its own
const FINAL_BREAK = /\n$/;

/** The template's output for one shape: pieces[i] precedes holes[i]; the last piece ends it. */
interface Shape {
  pieces: string[];
  holes: ("lead" | "text")[];
}

function shapeOf(style: string | undefined, lead: boolean): Shape {
  const cut = compiled.paragraph!({ style, lead: lead ? LEAD : undefined, text: TEXT }).split(MARKER);
  const pieces: string[] = [];
  const holes: Shape["holes"] = [];
  for (let i = 0; i < cut.length; i++) {
    if (i % 2 === 0) pieces.push(cut[i]!);
    else holes.push(cut[i] === LEAD ? "lead" : "text");
  }
  pieces[pieces.length - 1] = pieces.at(-1)!.replace(FINAL_BREAK, "");
  return { pieces, holes };
}

// by style (a handful: Normal, Title, TableNote), without and with a run-in heading
const shapes = [new Map<string | undefined, Shape>(), new Map<string | undefined, Shape>()] as const;

// what Handlebars escapes in {{…}} (escapeExpression), and line breaks: one scan finds the rare text
// that needs more than its UTF-8 bytes
const SPECIAL = /[&<>"'`=\r\n\u2028\u2029]/;

/** Text as the templates escape it ({{…}}), then as its UTF-8 byte string (bytes.ts): the same bytes, as escaping touches ASCII only. */
const escaped = (text: string): string => utf8(SPECIAL.test(text) ? env.Utils.escapeExpression(text) : text);

/**
 * The XML of one paragraph (templates/paragraph.hbs, without the file's final line break) as a
 * byte string: text and lead are the report's own, unescaped.
 */
export function paragraphXml(text: string, style?: string, lead?: string): string {
  // Word keeps a line break inside a paragraph as w:br
  const special = SPECIAL.test(text);
  const lines = special ? linesOf(text) : undefined;
  if (lines) {
    for (const line of lines) line.text = utf8(line.text);
    return compiled.paragraph!({ text: utf8(text), lines, lead: lead ? utf8(lead) : undefined, style }).replace(FINAL_BREAK, "");
  }
  const hasLead = Boolean(lead);
  const byStyle = shapes[hasLead ? 1 : 0];
  let shape = byStyle.get(style);
  if (!shape) byStyle.set(style, (shape = shapeOf(style, hasLead)));
  const { pieces, holes } = shape;
  const t = utf8(special ? env.Utils.escapeExpression(text) : text);
  const l = hasLead ? escaped(lead!) : "";
  let out = pieces[0]!;
  for (let i = 0; i < holes.length; i++) out += (holes[i] === "lead" ? l : t) + pieces[i + 1]!;
  return out;
}
