// Characters between JSON strings and XML 1.0 text: what XML cannot carry, how a value is
// escaped so that any conforming parser gives back the same string, and how references decode.

/**
 * Characters outside XML 1.0's Char production: C0 controls other than tab, LF and CR,
 * U+FFFE, U+FFFF and unpaired surrogates. Not even a character reference can carry them.
 */
export const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first forbidden character of s and its index, or null. */
export function firstForbidden(s: string): { index: number; char: string } | null {
  const m = FORBIDDEN.exec(s);
  return m ? { index: m.index, char: codePointName(m[0]) } : null;
}

export function codePointName(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

export function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

// Handlebars' HTML escaping is not enough for XML: a parser turns CR and CRLF in text into LF,
// and tab, LF and CR in an attribute into spaces, so those go as character references. LF in
// text goes as a reference too: Handlebars indents partials by inserting spaces after every LF
// of their output, and a pretty-printer may do the same.
const TEXT = /[&<>\r\n]/g;
const ATTRIBUTE = /[&<>"\t\n\r]/g;
const REFS: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#x9;", "\n": "&#xA;", "\r": "&#xD;" };
const ref = (c: string) => REFS[c]!;

export const escapeText = (s: string): string => s.replace(TEXT, ref);
export const escapeAttribute = (s: string): string => s.replace(ATTRIBUTE, ref);

/**
 * A number as an xs:decimal literal that reads back as the same double: the shortest digits
 * that round-trip (as String(n) gives them), never in exponent notation. -0 stays -0.
 */
export function decimalLiteral(n: number): string {
  if (Object.is(n, -0)) return "-0";
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = "", expText] = m;
  const exp = Number(expText);
  const digits = lead! + frac;
  return exp < 0 ? `${sign}0.${"0".repeat(-exp - 1)}${digits}` : `${sign}${digits}${"0".repeat(exp - frac.length)}`;
}

/** xs:decimal's lexical space (and so xs:integer's, with no fraction). */
export const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** XML's white space: what XSD's whiteSpace="collapse" strips around numbers and booleans. */
export const trimXml = (s: string): string => s.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, "");
export const isXmlSpace = (s: string): boolean => /^[ \t\n\r]*$/.test(s);

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const REFERENCE = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([A-Za-z_:][A-Za-z0-9_.:-]*));/y;

export class BadReference extends Error {
  constructor(
    readonly offset: number,
    readonly ref: string,
  ) {
    super(`bad reference ${ref}`);
  }
}

/** Replaces the predefined entities and character references; anything else is an error. */
export function decodeReferences(raw: string): string {
  let at = raw.indexOf("&");
  if (at < 0) return raw;
  let out = "";
  let last = 0;
  while (at >= 0) {
    REFERENCE.lastIndex = at;
    const m = REFERENCE.exec(raw);
    if (!m) throw new BadReference(at, raw.slice(at, at + 12).split(/[\s<]/)[0]!);
    let c: string | undefined;
    if (m[3] !== undefined) c = PREDEFINED[m[3]];
    else {
      const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
      if (isXmlChar(cp)) c = String.fromCodePoint(cp);
    }
    if (c === undefined) throw new BadReference(at, m[0]);
    out += raw.slice(last, at) + c;
    last = REFERENCE.lastIndex;
    at = raw.indexOf("&", last);
  }
  return out + raw.slice(last);
}
