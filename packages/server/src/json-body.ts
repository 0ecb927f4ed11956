// JSON bodies: parsed only after a scan of the text has shown they nest no deeper than the limit,
// so a body of a million "[" costs one linear pass and a 400, not a deep recursion anywhere.
import { parse as parseTolerant, printParseErrorCode, type ParseError } from "jsonc-parser";
import { HttpProblem } from "./problem.js";

/** The deepest nesting of objects and arrays in a JSON text (strings skipped), stopping past limit. */
export function depthOf(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return max;
}

export function parseJsonBody(text: string, maxDepth: number): unknown {
  if (depthOf(text, maxDepth) > maxDepth)
    throw new HttpProblem("too-deep", {
      "zh-CN": `对象和数组的嵌套超过 ${maxDepth} 层`,
      en: `objects and arrays nest deeper than ${maxDepth} levels`,
    });
  try {
    return JSON.parse(text);
  } catch (e) {
    // JSON.parse does not always say where; a tolerant parser of the same text does
    const errors: ParseError[] = [];
    parseTolerant(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const message = first ? printParseErrorCode(first.error) : e instanceof Error ? e.message : String(e);
    const where = first ? lineColumn(text, first.offset) : null;
    throw new HttpProblem(
      "invalid-json",
      where
        ? { "zh-CN": `第 ${where.line} 行第 ${where.column} 列：${message}`, en: `line ${where.line}, column ${where.column}: ${message}` }
        : { "zh-CN": message, en: message },
      where ? { line: where.line, column: where.column } : {},
    );
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++, (start = i + 1);
  return { line, column: offset - start + 1 };
}
