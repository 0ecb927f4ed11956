// The schema's patterns for the generated standalone validator. Copied verbatim into the output.
// A pattern of the shape ^[^cS]*(?:c(?!L)[^cS]*)*$ (no character of S, and c never followed by
// L: the text pattern, no markup and no control characters) makes V8 backtrack once per c, and
// a text of millions of characters overflows the stack (a RangeError out of validate()). The
// same test, written as a search for what is forbidden, is linear and needs no stack.
const SHORT_TEXT = 1 << 16;

export function linearRegExp(pattern, flags) {
  const m = /^\^\[\^(\\?[^\\\]])([^\]]*)\]\*\(\?:\1\(\?!(\[[^\]]*\])\)\[\^\1\2\]\*\)\*\$$/.exec(pattern);
  if (!m) return new RegExp(pattern, flags);
  // the anchored pattern is the faster of the two on the texts a report holds; only a text long
  // enough to risk the stack takes the search
  const whole = new RegExp(pattern, flags);
  const forbidden = new RegExp(`[${m[2]}]|${m[1]}(?=${m[3]})`, flags);
  return { test: (s) => (s.length <= SHORT_TEXT ? whole.test(s) : !forbidden.test(s)), toString: () => `/${pattern}/${flags}` };
}
