// Word's automatic numbering (numbering.xml, and list numbering a paragraph style carries): the
// 一、 （一） 1. that Word draws before a heading or a table label but that is not in the text.
// Counters run per abstract list, deeper levels restart when a level above advances.

interface Level {
  start: number;
  format: string;
  text: string;
}

export interface NumberingRef {
  numId: string;
  ilvl: number;
}

const CJK = "〇一二三四五六七八九";

function chinese(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return CJK[n]!;
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? CJK[tens] : ""}十${n % 10 ? CJK[n % 10] : ""}`;
}

function letters(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, "m"],
    [900, "cm"],
    [500, "d"],
    [400, "cd"],
    [100, "c"],
    [90, "xc"],
    [50, "l"],
    [40, "xl"],
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let s = "";
  let k = n;
  for (const [v, r] of table) while (k >= v && s.length < 20) (s += r), (k -= v);
  return s;
}

export function formatted(n: number, format: string): string {
  switch (format) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "ideographTraditional":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
    case "ideographDigital":
      return chinese(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case "lowerLetter":
      return letters(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerRoman":
      return roman(n);
    case "upperRoman":
      return roman(n).toUpperCase();
    case "none":
    case "bullet":
      return "";
    default:
      return String(n);
  }
}

const val = (xml: string, tag: string) => new RegExp(`<w:${tag}\\b[^>]*?w:val="([^"]*)"`).exec(xml)?.[1];
const decode = (s: string) =>
  s
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  private readonly styles = new Map<string, { basedOn?: string; num?: Partial<NumberingRef> }>();
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();

  constructor(numberingXml: string | null, stylesXml: string | null) {
    for (const a of (numberingXml ?? "").matchAll(/<w:abstractNum\b[^>]*?w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
      const levels = new Map<number, Level>();
      for (const l of a[2]!.matchAll(/<w:lvl\b[^>]*?w:ilvl="(\d)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
        levels.set(Number(l[1]), {
          start: Number(val(l[2]!, "start") ?? 1),
          format: val(l[2]!, "numFmt") ?? "decimal",
          text: decode(val(l[2]!, "lvlText") ?? ""),
        });
      }
      this.abstracts.set(a[1]!, levels);
    }
    for (const n of (numberingXml ?? "").matchAll(/<w:num\b[^>]*?w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
      const starts = new Map<number, number>();
      for (const o of n[2]!.matchAll(/<w:lvlOverride\b[^>]*?w:ilvl="(\d)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
        const s = val(o[2]!, "startOverride");
        if (s !== undefined) starts.set(Number(o[1]), Number(s));
      }
      this.nums.set(n[1]!, { abstract: val(n[2]!, "abstractNumId") ?? "", starts });
    }
    for (const s of (stylesXml ?? "").matchAll(/<w:style\b[^>]*?w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
      const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(s[2]!)?.[1];
      const basedOn = val(s[2]!, "basedOn");
      const num: Partial<NumberingRef> = {};
      if (numPr) {
        const id = val(numPr, "numId");
        const il = val(numPr, "ilvl");
        if (id !== undefined) num.numId = id;
        if (il !== undefined) num.ilvl = Number(il);
      }
      this.styles.set(s[1]!, { ...(basedOn ? { basedOn } : {}), ...(numPr ? { num } : {}) });
    }
  }

  /** The paragraph's list, from its own numPr or its style's (through basedOn). */
  resolve(style: string | undefined, own: Partial<NumberingRef>): NumberingRef | null {
    let numId = own.numId;
    let ilvl = own.ilvl;
    for (let s = style, hops = 0; s && hops < 10 && (numId === undefined || ilvl === undefined); hops++) {
      const st = this.styles.get(s);
      numId ??= st?.num?.numId;
      ilvl ??= st?.num?.ilvl;
      s = st?.basedOn;
    }
    if (numId === undefined || numId === "0") return null;
    return { numId, ilvl: Math.min(8, Math.max(0, ilvl ?? 0)) };
  }

  /** The number Word draws for the next paragraph of this list, advancing the counters. */
  next(ref: NumberingRef): string {
    const num = this.nums.get(ref.numId);
    const levels = num ? this.abstracts.get(num.abstract) : undefined;
    if (!num || !levels) return "";
    const counters = this.counters.get(num.abstract) ?? Array.from({ length: 9 }, (_, i) => (levels.get(i)?.start ?? 1) - 1);
    this.counters.set(num.abstract, counters);
    // a list instance that restarts a level does so when first used
    if (!this.started.has(ref.numId)) {
      this.started.add(ref.numId);
      for (const [lvl, s] of num.starts) counters[lvl] = s - 1;
    }
    counters[ref.ilvl]!++;
    for (let d = ref.ilvl + 1; d < 9; d++) counters[d] = (levels.get(d)?.start ?? 1) - 1;
    const lvl = levels.get(ref.ilvl);
    if (!lvl || lvl.format === "bullet") return "";
    return lvl.text.replace(/%([1-9])/g, (_, k: string) =>
      formatted(counters[Number(k) - 1]!, levels.get(Number(k) - 1)?.format ?? "decimal"),
    );
  }
}
