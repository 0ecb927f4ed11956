// The six section headings (一、总体情况 … 六、其他需要报告的事项): where each starts, in a list of
// lines or in one long run of text, accepting the variants reports use (四、因政府信息公开工作被申请…).
import type { DocLine } from "../read/document.js";
import type { EditionModel, Section } from "../labels.js";
import { commonWithLookalikes } from "../lookalike.js";
import { norm, normWithMap } from "../normalise.js";

export interface SectionHit {
  section: Section;
  /** line index of the heading (lines), or offset in the source text (runs) */
  at: number;
  /** where the section's own content starts: the next line, or the offset after the heading */
  contentAt: number;
  /** text after the heading on the heading's line */
  rest?: string;
  /** the printed heading, when it is a variant */
  variant?: string;
}

/** Lines that are table-三 row labels start with 一、…四、 too; they are never headings. */
function tableRowLabel(n: string, model: EditionModel): boolean {
  return model.table3.rows.some((r) => n.startsWith(r.label.norm)) || model.table3.groups.some((g) => n.startsWith(g.label.norm));
}

const NUMBERED = /^[一二三四五六七八九十]{1,3}、/;

/**
 * How alike two headings' words are, numbers aside: characters in common, in order, over the
 * longer — a character OCR took for its look-alike (未/末) counting nearly as much as the same.
 */
function headingSimilarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  return commonWithLookalikes(a, b) / Math.max(a.length, b.length);
}

const bodyOf = (n: string) => n.replace(NUMBERED, "");

/**
 * A heading printed in other words or with another number: the section whose heading it is most
 * like, and like enough — under its own number, mostly the same characters; under another number
 * (a report that numbers its table sections 一、二、三 after a narrative of its own), nearly all.
 * The comparison is with every section, so a heading never goes to a section it is less like.
 */
function looseHeading(n: string, s: Section, model: EditionModel): boolean {
  if (!NUMBERED.test(n) || n.length > 40) return false;
  const body = bodyOf(n);
  const own = headingSimilarity(body, bodyOf(s.heading.norm));
  for (const o of model.sections) if (o !== s && headingSimilarity(body, bodyOf(o.heading.norm)) >= own) return false;
  return n.startsWith(`${s.number}、`) ? own >= 0.5 : own >= 0.8;
}

export function findSectionsInLines(lines: DocLine[], model: EditionModel): Map<string, SectionHit> {
  const hits = new Map<string, SectionHit>();
  const norms: (string | undefined)[] = new Array(lines.length);
  const n = (i: number) => (norms[i] ??= norm(lines[i]!.kind === "row" ? (lines[i]!.cells[0]?.text ?? "") : lines[i]!.text));
  let from = 0;
  for (const s of model.sections) {
    let found: SectionHit | undefined;
    for (const strict of [true, false]) {
      for (let i = from; i < lines.length && !found; i++) {
        const line = lines[i]!;
        if (line.kind === "blank" || line.table !== undefined) continue;
        // a heading opens its line with its number: look no further at lines that do not
        const raw = line.kind === "row" ? (line.cells[0]?.text ?? "") : line.text;
        const first = raw.trimStart()[0];
        if (
          first === undefined ||
          !(strict
            ? first === s.number || (first.charCodeAt(0) > 0x2e7f && first.charCodeAt(0) < 0x2fe0)
            : /[一二三四五六七八九十\u2e80-\u2fdf]/.test(first))
        )
          continue;
        const t = n(i);
        if (strict && !t.startsWith(s.number)) continue;
        let len = -1;
        let variant: string | undefined;
        if (t.startsWith(s.heading.norm)) len = s.heading.norm.length;
        else {
          const v = s.heading.variants.find((v) => t.startsWith(v.norm));
          if (v) {
            len = v.norm.length;
            variant = v.text;
          } else if (!strict && !tableRowLabel(t, model) && looseHeading(t, s, model)) {
            len = t.length;
            variant = line.text;
          }
        }
        if (len < 0) continue;
        const src = line.kind === "row" ? line.cells[0]!.text : line.text;
        const { map } = normWithMap(src);
        const restRaw = src.slice(map[len] ?? src.length).trim();
        const rest = [restRaw, ...(line.kind === "row" ? line.cells.slice(1).map((c) => c.text) : [])].filter(Boolean).join(" ");
        found = { section: s, at: i, contentAt: i + 1, ...(rest ? { rest } : {}), ...(variant ? { variant } : {}) };
      }
      if (found) break;
    }
    if (found) {
      hits.set(s.key, found);
      from = found.at + 1;
    }
  }
  return hits;
}

/** The headings in one long text (crawled pages): offsets into the source text. */
export function findSectionsInText(text: string, model: EditionModel): Map<string, SectionHit> {
  const { text: n, map } = normWithMap(text);
  const hits = new Map<string, SectionHit>();
  let from = 0;
  for (const s of model.sections) {
    let at = -1;
    let len = 0;
    let variant: string | undefined;
    for (const v of [{ norm: s.heading.norm, text: undefined as string | undefined }, ...s.heading.variants]) {
      let i = n.indexOf(v.norm, from);
      // a heading never sits inside table 三's row labels (四、结转下年度继续办理)
      while (i >= 0 && tableRowLabel(n.slice(i, i + 40), model)) i = n.indexOf(v.norm, i + 1);
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
        len = v.norm.length;
        variant = v.text;
      }
    }
    if (at < 0) {
      // a heading with a character added, dropped or changed: at its number, the words that follow
      // compared with the heading's, as long as the heading give or take two characters
      const fuzzy = fuzzyInRun(n, s, from, model);
      if (fuzzy) {
        at = fuzzy.at;
        len = fuzzy.len;
        variant = text.slice(map[at]!, map[at + len] ?? text.length);
      }
    }
    if (at < 0) continue;
    hits.set(s.key, { section: s, at: map[at]!, contentAt: map[at + len] ?? text.length, ...(variant ? { variant } : {}) });
    from = at + len;
  }
  return hits;
}

/** Occurrences of a number's 、 examined in run-together text, at most. */
const MAX_FUZZY_PROBES = 200;

function fuzzyInRun(n: string, s: Section, from: number, model: EditionModel): { at: number; len: number } | null {
  const prefix = `${s.number}、`;
  const body = bodyOf(s.heading.norm);
  let best: { at: number; len: number; sim: number } | null = null;
  let i = n.indexOf(prefix, from);
  for (let probes = 0; i >= 0 && probes < MAX_FUZZY_PROBES; probes++, i = n.indexOf(prefix, i + 1)) {
    if (tableRowLabel(n.slice(i, i + 40), model)) continue;
    const start = i + prefix.length;
    for (let d = -2; d <= 2; d++) {
      const cand = n.slice(start, start + body.length + d);
      const sim = headingSimilarity(cand, body);
      // the section it is most like, among all: a 二、 in the text is not taken for 四's heading
      if (sim < 0.8 || (best && sim <= best.sim)) continue;
      if (model.sections.some((o) => o !== s && headingSimilarity(cand, bodyOf(o.heading.norm)) >= sim)) continue;
      best = { at: i, len: prefix.length + cand.length, sim };
    }
    if (best) break;
  }
  return best && { at: best.at, len: best.len };
}

/** The span of a section: from its content to the next section found (or the end). */
export function sectionSpan(
  hits: Map<string, SectionHit>,
  model: EditionModel,
  key: string,
  end: number,
): { from: number; to: number } | null {
  const h = hits.get(key);
  if (!h) return null;
  let to = end;
  for (const s of model.sections) {
    const o = hits.get(s.key);
    if (o && o.at > h.at && o.at < to) to = o.at;
  }
  return { from: h.contentAt, to };
}
