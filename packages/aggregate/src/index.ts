// Aggregate reports (FORMAT.md §8 "aggregate versus own report"): a region's or a system's
// report whose additive cells — every cell of tables 二, 三 and 四 — are the cell-by-cell sums
// of its members' reports. A blank member cell makes the sum blank: never counted as 0.
import type { Report2021 } from "@zfxxgk/types";
import { cellsOf, editionModel } from "@zfxxgk/edition";
import { validate, type Issue } from "@zfxxgk/validator";

import { format, locales, LocalisedError, type Catalogue, type Locale, type Localised } from "@zfxxgk/i18n";

export type { Locale };

export interface Member {
  report: unknown;
  /** Where the report was read from (recorded in the aggregate). */
  file?: string;
  /** SHA-256 of the file's bytes, hex (recorded in the aggregate). */
  sha256?: string;
}

export interface AggregateOptions {
  /** The aggregate's own agency: a kind and level its members' edition lists (the schema's enums). */
  agency: Pick<Report2021["agency"], "name" | "kind" | "level">;
  /** The year covered; every member must cover it. Default: the members' year. */
  year?: number;
  /** Sum members that have validation errors too (they are listed either way). */
  includeInvalid?: boolean;
  locale?: Locale;
  /** Sum members that are the same file (SHA-256) or the same agency's report more than once. */
  allowDuplicates?: boolean;
  /** Sum members that are aggregate reports themselves (their members may be summed twice). */
  allowAggregates?: boolean;
}

export interface Excluded {
  file?: string;
  agency?: string;
  errors: Issue[];
}

export interface AggregateResult {
  report: Report2021;
  /** Members whose figures were summed. */
  included: Member[];
  /** Members left out because they have validation errors. */
  excluded: Excluded[];
  /** Cells left blank because a member's cell is blank: pointer → the members that left it blank. */
  blanks: Record<string, string[]>;
}

export type AggregationErrorCode =
  | "NO-MEMBERS"
  | "NOT-A-REPORT"
  | "MIXED-EDITIONS"
  | "MIXED-YEARS"
  | "NO-VALID-MEMBERS"
  | "DUPLICATE-MEMBER"
  | "AGGREGATE-MEMBER"
  | "BAD-AGENCY";

const text: Catalogue<AggregationErrorCode> = {
  "NO-MEMBERS": { "zh-CN": "没有可汇总的报告", en: "no reports to aggregate" },
  "NOT-A-REPORT": { "zh-CN": "{who} 不是可识别的年度报告（没有已知的格式版本）", en: "{who} is not a report of a known edition" },
  "MIXED-EDITIONS": {
    "zh-CN": "报告的格式版本不一致：{detail}；不同格式的报告不能逐格相加",
    en: "the reports follow different editions: {detail}; they cannot be summed cell by cell",
  },
  "MIXED-YEARS": { "zh-CN": "报告年度不一致：{detail}", en: "the reports cover different years: {detail}" },
  "DUPLICATE-MEMBER": {
    "zh-CN": "{detail}；同一份报告汇总两次会重复计数，未汇总（确属不同报告时加 --allow-duplicates）",
    en: "{detail}; a report summed twice is counted twice, so nothing was summed (--allow-duplicates if they are truly different reports)",
  },
  "AGGREGATE-MEMBER": {
    "zh-CN": "{who} 本身是一份汇总报告（scope: aggregate），其成员可能被重复计数，未汇总（确需汇总时加 --allow-aggregates）",
    en:
      "{who} is itself an aggregate report (scope: aggregate), whose members may be counted twice; " +
      "nothing was summed (--allow-aggregates to sum it anyway)",
  },
  "BAD-AGENCY": {
    "zh-CN": "汇总报告机关的{field}“{value}”不是 {edition} 格式所列的值（{choices}）",
    en: 'the aggregate\'s agency {field} "{value}" is not one the {edition} edition lists ({choices})',
  },
  "NO-VALID-MEMBERS": {
    "zh-CN": "所有报告都有错误，未汇总（可加 --include-invalid 仍然汇总）",
    en: "every report has errors; nothing was summed (--include-invalid sums them anyway)",
  },
};

/** A var of a message: the same in both languages (a file name), or words of each. */
type Vars = Record<string, string | Localised>;

/** The message in every locale, each filled with the vars' text in that locale. */
function inEveryLocale(template: Localised, vars: Vars): Localised {
  const entries = locales.map((l) => {
    const own = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === "string" ? v : v[l]]));
    return [l, format(template[l], own)] as const;
  });
  return Object.fromEntries(entries) as Localised;
}

export class AggregationError extends LocalisedError<AggregationErrorCode> {
  constructor(code: AggregationErrorCode, locale: Locale, vars: Vars = {}) {
    super(code, inEveryLocale(text[code], vars), locale);
  }
}

const sameFile: Localised = { "zh-CN": "{a} 与 {b} 是同一文件（SHA-256 相同）", en: "{a} and {b} are the same file (same SHA-256)" };
const sameAgency: Localised = { "zh-CN": "{a} 与 {b} 是同一机关“{agency}”的报告", en: "{a} and {b} are both reports of {agency}" };

const who = (m: Member, i: number) => m.file ?? `#${i + 1}`;

function groupBy(members: Member[], key: (r: any) => unknown): string {
  const groups = new Map<string, string[]>();
  members.forEach((m, i) => {
    const k = String(key(m.report));
    groups.set(k, [...(groups.get(k) ?? []), who(m, i)]);
  });
  return [...groups].map(([k, files]) => `${k}: ${files.join(", ")}`).join("; ");
}

/** The same file twice, the same agency twice, or an aggregate among the members: each would count figures twice. */
function refuseDoubleCounting(members: Member[], options: AggregateOptions, locale: Locale): void {
  if (!options.allowAggregates) {
    const i = members.findIndex((m) => (m.report as { scope?: unknown }).scope === "aggregate");
    if (i >= 0) throw new AggregationError("AGGREGATE-MEMBER", locale, { who: who(members[i]!, i) });
  }
  if (options.allowDuplicates) return;
  const seen = new Map<string, number>();
  for (const [i, m] of members.entries()) {
    const agency = (m.report as { agency?: { name?: unknown } }).agency?.name;
    const keys: [string, Localised][] = [];
    if (m.sha256) keys.push([`sha:${m.sha256}`, sameFile]);
    if (typeof agency === "string" && agency.trim()) keys.push([`agency:${agency.trim()}`, sameAgency]);
    for (const [key, same] of keys) {
      const first = seen.get(key);
      if (first !== undefined) {
        const detail = LocalisedError.text(same, { a: who(members[first]!, first), b: who(m, i), agency: String(agency) });
        throw new AggregationError("DUPLICATE-MEMBER", locale, { detail });
      }
      seen.set(key, i);
    }
  }
}

const agencyFields = {
  kind: { "zh-CN": "类型", en: "kind" },
  level: { "zh-CN": "层级", en: "level" },
} satisfies Catalogue;

/** An agency kind or level the edition does not list would make the aggregate invalid: refused before any sum. */
function refuseUnknownAgency(agency: AggregateOptions["agency"], edition: string, locale: Locale): void {
  const lists = editionModel(edition).agency;
  for (const [field, choices] of [
    ["kind", lists.kinds],
    ["level", lists.levels],
  ] as const) {
    const value: unknown = agency[field];
    if (typeof value !== "string" || !choices.includes(value))
      throw new AggregationError("BAD-AGENCY", locale, {
        field: agencyFields[field],
        value: String(value),
        edition,
        choices: choices.join(", "),
      });
  }
}

/** Rounds sums of 万元 amounts to the 6 decimals reports use, so 0.1 + 0.2 stays 0.3. */
const addAmounts = (a: number, b: number) => Math.round((a + b) * 1e6) / 1e6;

export function aggregate(members: Member[], options: AggregateOptions): AggregateResult {
  const locale = options.locale ?? "zh-CN";
  if (members.length === 0) throw new AggregationError("NO-MEMBERS", locale);
  members.forEach((m, i) => {
    const r = m.report as { edition?: unknown } | null;
    if (r === null || typeof r !== "object" || typeof r.edition !== "string")
      throw new AggregationError("NOT-A-REPORT", locale, { who: who(m, i) });
  });
  const editions = new Set(members.map((m) => (m.report as { edition: string }).edition));
  if (editions.size > 1) throw new AggregationError("MIXED-EDITIONS", locale, { detail: groupBy(members, (r) => r.edition) });
  const years = new Set(members.map((m) => (m.report as { year?: unknown }).year));
  if (years.size > 1 || (options.year !== undefined && !years.has(options.year))) {
    const detail = groupBy(members, (r) => r.year) + (options.year !== undefined ? ` (≠ ${options.year})` : "");
    throw new AggregationError("MIXED-YEARS", locale, { detail });
  }
  refuseDoubleCounting(members, options, locale);
  const edition = [...editions][0]!;
  const year = [...years][0] as number;
  const cells = cellsOf(edition);
  if (cells.length === 0) throw new AggregationError("NOT-A-REPORT", locale, { who: who(members[0]!, 0) });
  refuseUnknownAgency(options.agency, edition, locale);

  const included: Member[] = [];
  const excluded: Excluded[] = [];
  for (const m of members) {
    const errors = validate(m.report, { locale }).issues.filter((i) => i.severity === "error");
    const agency = (m.report as { agency?: { name?: string } }).agency?.name;
    if (errors.length && !options.includeInvalid)
      excluded.push({ ...(m.file ? { file: m.file } : {}), ...(agency ? { agency } : {}), errors });
    else included.push(m);
  }
  if (included.length === 0) throw new AggregationError("NO-VALID-MEMBERS", locale);

  const report: any = {
    edition,
    scope: "aggregate",
    members: included.map((m, i) => ({
      agency: (m.report as { agency?: { name?: string } }).agency?.name ?? who(m, i),
      ...(m.file ? { file: m.file } : {}),
      ...(m.sha256 ? { sha256: m.sha256 } : {}),
    })),
    year,
    title: `${options.agency.name}${year}年政府信息公开工作年度报告`,
    agency: options.agency,
    // the narrative is the author's to write: left empty, and the validator warns (EMPTY-TEXT)
    overview: { paragraphs: [] },
  };
  const blanks: Record<string, string[]> = {};
  for (const cell of cells) {
    let sum: number | null = 0;
    included.forEach((m, i) => {
      const v = cell.path.reduce<any>((o, k) => o?.[k], m.report);
      if (typeof v !== "number") {
        (blanks[cell.pointer] ??= []).push(who(m, i));
        sum = null;
      } else if (sum !== null) sum = cell.kind === "amount" ? addAmounts(sum, v) : sum + v;
    });
    const parent = cell.path.slice(0, -1).reduce((o, k) => (o[k] ??= {}), report);
    parent[cell.path[cell.path.length - 1]!] = sum;
  }
  report.problemsAndImprovements = { paragraphs: [] };
  report.otherMatters = { paragraphs: [] };
  // schema order: the tables come between 一 and 五
  const ordered: any = {};
  for (const k of [
    "edition",
    "scope",
    "members",
    "year",
    "title",
    "agency",
    "overview",
    "proactiveDisclosure",
    "applications",
    "reviewAndLitigation",
    "problemsAndImprovements",
    "otherMatters",
  ])
    ordered[k] = report[k];
  return { report: ordered as Report2021, included, excluded, blanks };
}
