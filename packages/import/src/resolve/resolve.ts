// From what the table readers saw to cell values. A row read with its figures in place is taken as
// printed. A row with figures missing, or with figures run together, has several possible readings;
// the consistency rules (rules.ts) keep those that can hold, first row by row, then across rows.
// One reading left: taken, and said so. Several: the cells they disagree on stay null and the
// readings are listed. Nothing is ever guessed, and a blank never becomes 0.
import { MAX_SPLITS, splitRun } from "../cells/digit-split.js";
import type { CellKind, EditionModel, TableKey, TableRow } from "../labels.js";
import { say, tableName } from "../messages.js";
import type { Observation } from "../cells/observation.js";
import { canHold, sumRules, UNKNOWN } from "./rules.js";
import { inWanYuan } from "../cells/tokens.js";
import type { Diagnostic, Locale, SourcePosition } from "../types.js";

export type CellStatus = "read" | "blank" | "split-by-rules" | "inferred" | "ambiguous" | "missing";

export interface CellResult {
  value: number | null;
  status: CellStatus;
  /** the source's text for a blank cell */
  raw?: string;
  /** the cell as printed when its value was converted to the column's unit (75394432.52元) */
  printed?: string;
  source: SourcePosition;
}

export interface Resolution {
  /** by index in the edition model's `cells` */
  cells: (CellResult | undefined)[];
  diagnostics: Diagnostic[];
}

interface Candidate {
  values: (number | null)[];
  raws: (string | undefined)[];
  /** a converted figure's printed text, by cell */
  printed?: (string | undefined)[];
  /** a figure with no unit in a column that prints none (2019 采购总金额): by cell, not read */
  noUnit?: boolean[];
  /** placements: which cells are the row's missing ones */
  pattern?: string;
}

interface Unit {
  obs: Observation;
  idx: number[];
  kind: "plain" | "placement" | "split";
  candidates: Candidate[];
  /** candidates still possible */
  alive: Candidate[];
  tokens: number;
  plainRun?: boolean;
  truncated?: boolean;
  failure?: "too-many-figures" | "too-few-figures" | "unsplittable" | "too-many-splits";
  decidedBy?: "rules" | "siblings";
  siblings?: string[];
}

const MAX_COMBINATIONS = 200_000;
/** at most this many cells of a row may be missing from the text for the rules to place the figures */
const MAX_MISSING = 2;
const MAX_LISTED = 20;

function columnsText(row: TableRow, cols: number[], locale: Locale): string {
  const names = cols.map((c) => `“${row.columns[c]!.label.text}”`).join(say("listSeparator", locale));
  return say(cols.length > 1 ? "columnsNamed" : "columnNamed", locale, { names });
}

/** Every way to place k figures, in order, in n cells: the other cells are blank. */
function placements(values: (number | null)[], raws: string[], printedOf: (string | undefined)[], n: number): Candidate[] {
  const k = values.length;
  const out: Candidate[] = [];
  const pick = new Array<number>(k).fill(0);
  const go = (depth: number, from: number) => {
    if (depth === k) {
      const v: (number | null)[] = new Array(n).fill(null);
      const r: (string | undefined)[] = new Array(n).fill("");
      const printed: (string | undefined)[] = new Array(n).fill(undefined);
      for (let i = 0; i < k; i++) {
        v[pick[i]!] = values[i]!;
        r[pick[i]!] = values[i] === null ? raws[i] : undefined;
        printed[pick[i]!] = printedOf[i];
      }
      let pattern = "";
      for (let c = 0; c < n; c++) if (r[c] === "" && v[c] === null) pattern += pattern ? `,${c}` : `${c}`;
      out.push(printedOf.some((p) => p !== undefined) ? { values: v, raws: r, printed, pattern } : { values: v, raws: r, pattern });
      return;
    }
    for (let p = from; p <= n - (k - depth); p++) {
      pick[depth] = p;
      go(depth + 1, p + 1);
    }
  };
  go(0, 0);
  return out;
}

function unitFor(obs: Observation, model: EditionModel): Unit {
  const n = obs.row.columns.length;
  const known = model.rowIndex.get(obs.row.pointer);
  const idx = known && known.idx.length === n ? known.idx : obs.row.columns.map((c) => model.index.get(`${obs.row.pointer}/${c.key}`)!);
  if (obs.run !== undefined) {
    const kinds = obs.row.columns.map((c) => c.kind);
    const r = splitRun(obs.run, kinds);
    const candidates = r.splits.map((sp) =>
      withUnits({ values: sp.values, raws: sp.values.map((v, i) => (v === null ? sp.raws[i] : undefined)) }, sp.raws, kinds, obs.unit),
    );
    const u: Unit = { obs, idx, kind: "split", candidates, alive: [], tokens: 0, plainRun: r.plain, truncated: r.truncated };
    if (r.truncated) u.failure = "too-many-splits";
    else if (candidates.length === 0) u.failure = "unsplittable";
    return u;
  }
  const tokens = obs.tokens ?? [];
  const k = tokens.length;
  let positioned = k > 0;
  let seenCols = 0;
  for (const t of tokens) {
    if (t.col === undefined || t.col < 0 || t.col >= n || seenCols & (1 << t.col)) {
      positioned = false;
      break;
    }
    seenCols |= 1 << t.col;
  }
  if (positioned || k === n || k === 0) {
    const values: (number | null)[] = new Array(n).fill(null);
    const raws: (string | undefined)[] = new Array(n).fill("");
    const printed: (string | undefined)[] = new Array(n).fill(undefined);
    for (let j = 0; j < k; j++) {
      const t = tokens[j]!;
      const c = positioned ? t.col! : j;
      values[c] = t.value;
      raws[c] = t.value === null ? t.raw : undefined;
      printed[c] = t.printed;
    }
    const candidate: Candidate = printed.some((p) => p !== undefined) ? { values, raws, printed } : { values, raws };
    return { obs, idx, kind: "plain", candidates: [candidate], alive: [], tokens: k };
  }
  if (k > n) return { obs, idx, kind: "plain", candidates: [], alive: [], tokens: k, failure: "too-many-figures" };
  // a row short of many figures is not a row with blank cells but a table the text has scrambled
  // (an extractor writing one cell per line): which figure is whose is not for the rules to guess
  if (n - k > MAX_MISSING) return { obs, idx, kind: "placement", candidates: [], alive: [], tokens: k, failure: "too-few-figures" };
  const candidates = placements(
    tokens.map((t) => t.value),
    tokens.map((t) => t.raw),
    tokens.map((t) => t.printed),
    n,
  );
  return { obs, idx, kind: "placement", candidates, alive: [], tokens: k };
}

/**
 * A split's money cells in 万元: the unit printed after the run (元 or 万元) applies to them; with
 * none, a figure other than 0 is not read (the format's header gives no unit).
 */
function withUnits(c: Candidate, pieces: string[], kinds: CellKind[], unit: "元" | "万元" | undefined): Candidate {
  if (!kinds.includes("money")) return c;
  const values = c.values.slice();
  const printed: (string | undefined)[] = new Array(kinds.length).fill(undefined);
  const noUnit: boolean[] = new Array(kinds.length).fill(false);
  kinds.forEach((k, i) => {
    const v = values[i];
    if (k !== "money" || v === null || v === undefined) return;
    if (unit) {
      values[i] = inWanYuan(pieces[i]!, unit);
      printed[i] = `${pieces[i]}${unit}`;
    } else if (v !== 0) {
      values[i] = null;
      noUnit[i] = true;
    }
  });
  return { ...c, values, printed, noUnit };
}

/** The figures of a row as printed, for messages. */
function rawOf(u: Unit): string {
  return u.obs.run !== undefined ? u.obs.run.trim() : (u.obs.tokens ?? []).map((t) => t.raw || "□").join(" ");
}

interface Compiled {
  instances: { id: string; op: "=" | "<="; a: number[]; e: number[]; cells: number[] }[];
}

const compiledModels = new WeakMap<EditionModel, Compiled>();

function compiled(model: EditionModel): Compiled {
  let c = compiledModels.get(model);
  if (c) return c;
  const index = model.index;
  const instances: Compiled["instances"] = [];
  for (const r of sumRules(model)) {
    const a = r.actual.map((p) => index.get(p));
    const e = r.expected.map((p) => index.get(p));
    if (a.some((i) => i === undefined) || e.some((i) => i === undefined)) continue;
    instances.push({
      id: r.id,
      op: r.op,
      a: a as number[],
      e: e as number[],
      cells: [...new Set([...(a as number[]), ...(e as number[])])],
    });
  }
  compiledModels.set(model, (c = { instances }));
  return c;
}

/** Can the rule hold with these cell values (UNKNOWN for a cell not known)? */
function holds(inst: Compiled["instances"][number], v: Float64Array): boolean {
  let a = 0;
  let ao = false;
  let e = 0;
  let eo = false;
  for (const i of inst.a) {
    const x = v[i]!;
    if (x < 0) ao = true;
    else a += x;
  }
  for (const i of inst.e) {
    const x = v[i]!;
    if (x < 0) eo = true;
    else e += x;
  }
  return canHold(inst.op, a, ao, e, eo);
}

function put(v: Float64Array, u: Unit, c: Candidate): void {
  for (let k = 0; k < u.idx.length; k++) {
    const x = c.values[k];
    v[u.idx[k]!] = x === null || x === undefined ? UNKNOWN : x;
  }
}

/** What the phases share: the readings of every row, the cells they settle, and the rules over them. */
interface State {
  model: EditionModel;
  locale: Locale;
  diagnostics: Diagnostic[];
  instances: Compiled["instances"];
  /** cell values so far (UNKNOWN where open) */
  values: Float64Array;
  /** the unit (row) that holds each cell, -1 for none */
  owner: Int32Array;
  /** rules the source itself breaks, left out */
  ignored: Uint8Array;
  units: Unit[];
  /** which units each rule reads, and which rules read each unit */
  instUnits: number[][];
  unitInsts: number[][];
}

const write = (s: State, u: Unit) => {
  if (u.alive.length === 1) put(s.values, u, u.alive[0]!);
  else for (const i of u.idx) s.values[i] = UNKNOWN;
};
const isOpen = (s: State, u: number) => s.units[u]!.alive.length > 1;

function reportInconsistent(s: State, k: number, u: Unit): void {
  s.ignored[k] = 1;
  s.diagnostics.push({
    pointer: u.obs.row.pointer,
    reason: "source-inconsistent",
    severity: "warning",
    message: say("sourceInconsistent", s.locale, { rule: s.instances[k]!.id }),
    source: u.obs.source,
  });
}

/** Phase 0: a unit per row observed (the first of a row wins), with all its readings alive. */
function prepare(model: EditionModel, observations: Observation[], locale: Locale): State {
  const { instances } = compiled(model);
  const s: State = {
    model,
    locale,
    diagnostics: [],
    instances,
    values: new Float64Array(model.cells.length).fill(UNKNOWN),
    owner: new Int32Array(model.cells.length).fill(-1),
    ignored: new Uint8Array(instances.length),
    units: [],
    instUnits: [],
    unitInsts: [],
  };
  const seen = new Set<string>();
  for (const obs of observations) {
    if (seen.has(obs.row.pointer)) continue;
    seen.add(obs.row.pointer);
    const u = unitFor(obs, model);
    u.alive = u.failure ? [] : u.candidates.slice();
    u.idx.forEach((i) => (s.owner[i] = s.units.length));
    s.units.push(u);
  }
  for (const u of s.units) write(s, u);
  s.instUnits = instances.map((inst) => {
    const us: number[] = [];
    for (const i of inst.cells) {
      const o = s.owner[i]!;
      if (o >= 0 && !us.includes(o)) us.push(o);
    }
    return us;
  });
  s.unitInsts = s.units.map(() => []);
  s.instUnits.forEach((us, k) => us.forEach((u) => s.unitInsts[u]!.push(k)));
  return s;
}

/** Phase 1, row by row: a rule whose other cells are all settled decides among one row's readings. */
function byRow(s: State): void {
  const { units, values, instances, instUnits, unitInsts, ignored } = s;
  if (!units.some((u) => u.alive.length > 1)) return;
  for (let changed = true; changed; ) {
    changed = false;
    for (let ui = 0; ui < units.length; ui++) {
      const u = units[ui]!;
      if (u.alive.length <= 1) continue;
      for (const k of unitInsts[ui]!) {
        if (ignored[k] || instUnits[k]!.some((o) => o !== ui && isOpen(s, o))) continue;
        // try each reading in place, then put back what was there
        const keep = u.alive.filter((c) => {
          put(values, u, c);
          return holds(instances[k]!, values);
        });
        for (const i of u.idx) values[i] = UNKNOWN;
        if (keep.length === 0) {
          reportInconsistent(s, k, u);
          // figures run together that no split makes add up: the row cannot be read
          if (u.kind === "split") {
            u.failure = "unsplittable";
            u.alive = [];
            break;
          }
        } else if (keep.length < u.alive.length) {
          u.alive = keep;
          u.decidedBy = "rules";
          changed = true;
          if (u.alive.length === 1) {
            write(s, u);
            break;
          }
        }
      }
    }
  }
}

/** Rows still open, grouped by the rules that link them: each group is decided together. */
function components(s: State): number[][] {
  const comps: number[][] = [];
  const compOf = new Int32Array(s.units.length).fill(-1);
  for (let u0 = 0; u0 < s.units.length; u0++) {
    if (!isOpen(s, u0) || compOf[u0]! >= 0) continue;
    const comp: number[] = [];
    const stack = [u0];
    compOf[u0] = comps.length;
    while (stack.length) {
      const v = stack.pop()!;
      comp.push(v);
      for (const k of s.unitInsts[v]!) {
        if (s.ignored[k]) continue;
        for (const o of s.instUnits[k]!) {
          if (isOpen(s, o) && compOf[o]! < 0) {
            compOf[o] = comps.length;
            stack.push(o);
          }
        }
      }
    }
    comps.push(comp);
  }
  return comps;
}

/** Phase 2, across rows: every combination of the remaining readings, kept where all rules that can hold do. */
function acrossRows(s: State): void {
  const { units, values, instances, instUnits, ignored } = s;
  for (const comp of components(s)) {
    const cu = comp.map((i) => units[i]!);
    const size = cu.reduce((p, u) => p * u.alive.length, 1);
    if (comp.length < 2 || size > MAX_COMBINATIONS) continue;
    const inComp = new Set(comp);
    const rel = instances.map((_, k) => k).filter((k) => !ignored[k] && instUnits[k]!.some((o) => inComp.has(o)));
    const pick = new Array<number>(comp.length).fill(0);
    const local = new Float64Array(values);
    const sat: Uint8Array[] = [];
    const combos: number[][] = [];
    const satisfiable = new Uint8Array(rel.length);
    for (let done = false; !done; ) {
      cu.forEach((u, k) => put(local, u, u.alive[pick[k]!]!));
      const ok = new Uint8Array(rel.length);
      rel.forEach((k, r) => {
        if (holds(instances[k]!, local)) ok[r] = satisfiable[r] = 1;
      });
      sat.push(ok);
      combos.push(pick.slice());
      let k = 0;
      for (; k < comp.length; k++) {
        if (++pick[k]! < cu[k]!.alive.length) break;
        pick[k] = 0;
      }
      done = k === comp.length;
    }
    rel.forEach((k, r) => {
      if (!satisfiable[r]) reportInconsistent(s, k, units[instUnits[k]!.find((o) => inComp.has(o))!]!);
    });
    const kept = combos.filter((_, c) => sat[c]!.every((ok, r) => ok || !satisfiable[r]));
    if (kept.length === 0) continue;
    cu.forEach((u, k) => {
      const still = new Set(kept.map((p) => p[k]!));
      if (still.size < u.alive.length) {
        u.alive = u.alive.filter((_, j) => still.has(j));
        u.decidedBy = "rules";
      }
    });
    for (const u of cu) if (u.alive.length === 1) write(s, u);
  }
}

/**
 * Phase 3: a row with a cell missing that the rules cannot place — when every row of the table the
 * rules did place is missing the same column(s), and this row can be missing that column too, it is
 * read so.
 */
function likeSiblings(s: State): void {
  const { units, values, instances, ignored } = s;
  for (const table of ["proactiveDisclosure", "applications", "reviewAndLitigation"] as TableKey[]) {
    const placed = units.filter(
      (u) => u.kind === "placement" && u.obs.row.table === table && u.alive.length === 1 && u.decidedBy === "rules",
    );
    const patterns = new Set(placed.map((u) => u.alive[0]!.pattern));
    if (patterns.size !== 1) continue;
    const p = [...patterns][0]!;
    const waiting = units.filter((u) => u.kind === "placement" && u.obs.row.table === table && u.alive.length > 1);
    const choice = waiting.map((u) => u.alive.find((c) => c.pattern === p));
    if (choice.some((c) => !c)) continue;
    const trial = new Float64Array(values);
    waiting.forEach((u, k) => put(trial, u, choice[k]!));
    if (!instances.every((inst, k) => ignored[k] || holds(inst, trial))) continue;
    waiting.forEach((u, k) => {
      u.alive = [choice[k]!];
      u.decidedBy = "siblings";
      u.siblings = placed.map((x) => x.obs.row.label.text);
      write(s, u);
    });
  }
}

/** Phase 4: the cells, and what to say about each; rows and tables not found. */
function conclude(s: State, missingTables: Set<TableKey>): Resolution {
  const { model, diagnostics, locale } = s;
  const cells: (CellResult | undefined)[] = new Array(model.cells.length);
  for (const u of s.units) emit(u, cells, diagnostics, locale);
  for (const { row, idx } of model.rows) {
    if (idx.every((i) => cells[i])) continue;
    for (const i of idx) cells[i] ??= { value: null, status: "missing", source: {} };
    if (missingTables.has(row.table)) continue; // one diagnostic for the whole table, below
    diagnostics.push({
      pointer: row.pointer,
      reason: "missing",
      severity: "warning",
      message: say("missingRow", locale, { label: row.label.text }),
      source: {},
    });
  }
  for (const t of missingTables) {
    diagnostics.push({
      pointer: `/${t}`,
      reason: "missing",
      severity: "error",
      message: say("missingTable", locale, { table: tableName(t, locale) }),
      source: {},
    });
  }
  return { cells, diagnostics };
}

/** The phases, for their own tests. */
export const phases = { prepare, byRow, acrossRows, likeSiblings, conclude };

export function resolve(model: EditionModel, observations: Observation[], missingTables: Set<TableKey>, locale: Locale): Resolution {
  const s = prepare(model, observations, locale);
  byRow(s);
  acrossRows(s);
  likeSiblings(s);
  return conclude(s, missingTables);
}

function emit(u: Unit, cells: (CellResult | undefined)[], diagnostics: Diagnostic[], locale: Locale): void {
  const row = u.obs.row;
  const n = row.columns.length;
  const src = u.obs.source;
  const pointer = (k: number) => `${row.pointer}/${row.columns[k]!.key}`;
  const set = (k: number, r: CellResult, d?: Omit<Diagnostic, "pointer" | "source">) => {
    cells[u.idx[k]!] = r;
    if (d) diagnostics.push({ pointer: pointer(k), ...d, source: r.source });
  };
  const blankDiag = (raw: string) => ({
    reason: "blank" as const,
    severity: "info" as const,
    message: raw === "" ? say("blankEmpty", locale) : say("blank", locale, { raw }),
    raw,
  });
  const tokenAt = (k: number) => {
    const ts = u.obs.tokens;
    if (!ts) return undefined;
    for (const t of ts) if (t.col === k) return t;
    return u.kind === "plain" && ts.length === n && ts.every((t) => t.col === undefined) ? ts[k] : undefined;
  };
  const tokenSource = (k: number): SourcePosition => tokenAt(k)?.source ?? src;
  // a figure in another unit than its column's, or with none where the column prints none
  const unitDiag = (raw: string, unit: string, k: number) => ({
    reason: "ambiguous" as const,
    severity: "warning" as const,
    message: say(unit === "" ? "noUnit" : "otherUnit", locale, { raw, column: row.columns[k]!.label.text }),
    raw,
  });

  if (u.obs.labelVariant) {
    diagnostics.push({
      pointer: row.pointer,
      reason: "label-variant",
      severity: "info",
      message: say("labelVariant", locale, { variant: u.obs.labelVariant, label: row.label.text }),
      source: src,
    });
  }
  if (u.obs.byPosition) {
    diagnostics.push({
      pointer: row.pointer,
      reason: "inferred",
      severity: "warning",
      message: say("byPosition", locale, { label: row.label.text }),
      source: src,
    });
  }

  if (u.failure || u.alive.length === 0) {
    const key =
      u.failure === "too-many-figures"
        ? "tooManyFigures"
        : u.failure === "too-few-figures"
          ? "tooFewFigures"
          : u.failure === "too-many-splits"
            ? "tooManySplits"
            : "unsplittable";
    const raw = rawOf(u);
    const message = say(key, locale, { raw, k: u.tokens, n, limit: MAX_SPLITS });
    for (let k = 0; k < n; k++)
      set(k, { value: null, status: "ambiguous", source: src }, { reason: "ambiguous", severity: "warning", message, raw });
    return;
  }

  if (u.alive.length === 1) {
    const c = u.alive[0]!;
    const plain = u.kind === "plain" || (u.kind === "split" && u.plainRun);
    let note: Omit<Diagnostic, "pointer" | "source"> | undefined;
    if (!plain) {
      const raw = rawOf(u);
      if (u.kind === "split") note = { reason: "split-by-rules", severity: "info", message: say("split", locale, { raw }), raw };
      else {
        const blankCols = c.values.map((v, k) => (v === null ? k : -1)).filter((k) => k >= 0);
        const message =
          u.decidedBy === "siblings"
            ? say("placedLikeSiblings", locale, {
                k: u.tokens,
                n,
                cols: columnsText(row, blankCols, locale),
                rows: (u.siblings ?? []).join(say("listSeparator", locale)),
              })
            : say("placedByRules", locale, { k: u.tokens, n, cols: columnsText(row, blankCols, locale) });
        note = { reason: "inferred", severity: "info", message, raw };
      }
    }
    for (let k = 0; k < n; k++) {
      const v = c.values[k]!;
      const source = u.kind === "plain" ? tokenSource(k) : src;
      const t = u.kind === "plain" ? tokenAt(k) : undefined;
      const printed = c.printed?.[k];
      if (v === null && t?.otherUnit !== undefined) {
        set(k, { value: null, status: "ambiguous", source }, unitDiag(t.raw, t.otherUnit, k));
      } else if (v === null && c.noUnit?.[k]) {
        set(k, { value: null, status: "ambiguous", source }, unitDiag(rawOf(u), "", k));
      } else if (v === null) {
        const raw = c.raws[k] ?? "";
        set(k, { value: null, status: "blank", raw, source }, blankDiag(raw));
      } else if (plain) set(k, { value: v, status: "read", source, ...(printed ? { printed } : {}) });
      else set(k, { value: v, status: u.kind === "split" ? "split-by-rules" : "inferred", source, ...(printed ? { printed } : {}) }, note);
    }
    return;
  }

  // several readings remain: a cell they agree on is known, the others are not
  const raw = rawOf(u);
  const pointers = row.columns.map((_, k) => pointer(k));
  const listed = u.alive.slice(0, MAX_LISTED).map((c) => Object.fromEntries(pointers.map((p, k) => [p, c.values[k]!])));
  const same: Omit<Diagnostic, "pointer" | "source"> = {
    reason: u.kind === "split" ? "split-by-rules" : "inferred",
    severity: "info",
    message: say("splitSame", locale, { raw, count: u.alive.length }),
    raw,
  };
  const open: Omit<Diagnostic, "pointer" | "source"> = {
    reason: "ambiguous",
    severity: "warning",
    message:
      u.kind === "split"
        ? say("ambiguousSplit", locale, { raw, count: u.alive.length })
        : say("ambiguousPlacement", locale, { k: u.tokens, n, count: u.alive.length }),
    raw,
    candidates: listed,
    ...(u.alive.length > MAX_LISTED ? { candidateCount: u.alive.length } : {}),
  };
  for (let k = 0; k < n; k++) {
    const first = u.alive[0]!.values[k];
    const agree = u.alive.every((c) => c.values[k] === first);
    const printed = u.alive[0]!.printed?.[k];
    if (agree && first === null && u.alive.every((c) => c.noUnit?.[k]))
      set(k, { value: null, status: "ambiguous", source: src }, unitDiag(raw, "", k));
    else if (agree && first === null && !u.alive.some((c) => c.noUnit?.[k])) {
      const r = u.alive[0]!.raws[k] ?? "";
      set(k, { value: null, status: "blank", raw: r, source: src }, blankDiag(r));
    } else if (agree && first !== null)
      set(
        k,
        { value: first!, status: u.kind === "split" ? "split-by-rules" : "inferred", source: src, ...(printed ? { printed } : {}) },
        same,
      );
    else set(k, { value: null, status: "ambiguous", source: src }, open);
  }
}
