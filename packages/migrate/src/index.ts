// 2019 trial edition (国办公开办函〔2019〕60号) → 2021 edition (〔2021〕30号), FORMAT.md §2.3 and
// §3.3: tables 三 and 四 map cell for cell except 三（六）, which was one row and becomes
// 3.其他; of table 二 only the 处理决定数量 of 行政许可, 行政处罚 and 行政强制 have a 2021
// counterpart. Every other value is listed as a loss, in the result and in the report itself.
import { labels } from "@zfxxgk/schema";
import type { Report2019, Report2021 } from "@zfxxgk/types";

import { MAX_DEPTH, tooDeep, type Locale } from "@zfxxgk/i18n";

export type { Locale };

export interface Loss {
  /** JSON pointer in the 2019 report */
  pointer: string;
  /** the 2019 format's labels of the cell */
  labelPath: string;
  value: number | null;
  reason: string;
}

export interface MigrateResult {
  report: Report2021;
  losses: Loss[];
}

export class MigrationError extends Error {
  constructor(
    readonly code: "NOT-2019" | "UNSUPPORTED-TARGET" | "TOO-DEEP" | "MALFORMED",
    message: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

const reasons = {
  item1: {
    "zh-CN": "2021 格式按本年制发、废止、现行有效统计规章和规范性文件，与 2019 格式的新制作、新公开、对外公开总数量不对应",
    en:
      "the 2021 format counts rules and normative documents issued, repealed and currently valid; " +
      "2019's newly made, newly published and total published do not correspond",
  },
  items: {
    "zh-CN": "2021 格式不再统计事项数量（上一年项目数量、本年增/减）",
    en: "the 2021 format no longer counts items (上一年项目数量, 本年增/减)",
  },
  otherServices: { "zh-CN": "2021 格式删去了“其他对外管理服务事项”一行", en: "the 2021 format dropped the row 其他对外管理服务事项" },
  fees: {
    "zh-CN": "2021 格式统计收费金额（万元），不再统计收费项目数量",
    en: "the 2021 format reports the fee amount (万元), not the number of fee items",
  },
  procurement: { "zh-CN": "2021 格式删去了第二十条第（九）项“政府集中采购”", en: "the 2021 format dropped item （九） 政府集中采购" },
  other: {
    "zh-CN": "2019 格式的（六）其他处理只有一行，已计入 2021 格式的（六）3.其他；1.逾期不补正、2.逾期未缴费两行无来源，留空",
    en:
      "2019's （六）其他处理 was one row; it is counted as 2021's （六）3.其他, " +
      "and rows 1 (no correction) and 2 (fee unpaid) have no source and stay blank",
  },
} satisfies Record<string, Record<Locale, string>>;

const SEP = " › ";

/**
 * The object at pointer, which the migration reads cell by cell; anything else (null, a
 * number, an array) is refused naming where, rather than guessed at.
 */
function need(v: unknown, pointer: string, locale: Locale): Record<string, any> {
  if (v !== null && typeof v === "object" && !Array.isArray(v)) return v as Record<string, any>;
  const got =
    v === null
      ? "null"
      : Array.isArray(v)
        ? locale === "zh-CN"
          ? "数组"
          : "an array"
        : v === undefined
          ? locale === "zh-CN"
            ? "缺失"
            : "missing"
          : typeof v;
  throw new MigrationError(
    "MALFORMED",
    locale === "zh-CN"
      ? `${pointer} 应为对象，实为 ${got}；这份报告的结构不是 2019 格式，无法迁移（请先用 zfxxgk validate 检查）`
      : `${pointer} should be an object but is ${got}; ` +
          `the report does not have the 2019 edition's structure and cannot be migrated (check it with zfxxgk validate)`,
  );
}

/** Copies an object's keys in the given order (the 2021 schema's), leaving absent ones absent. */
function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (source[k] !== undefined) out[k] = structuredClone(source[k]);
  return out;
}

export function migrate(report: unknown, options: { to: "2021"; locale?: Locale }): MigrateResult {
  const locale = options.locale ?? "zh-CN";
  if ((options.to as string) !== "2021") {
    throw new MigrationError(
      "UNSUPPORTED-TARGET",
      locale === "zh-CN" ? `只能迁移到 2021 格式，不支持 ${options.to}` : `can migrate to edition 2021 only, not ${options.to}`,
    );
  }
  const r = report as Report2019;
  if (r === null || typeof r !== "object" || r.edition !== "2019") {
    throw new MigrationError(
      "NOT-2019",
      locale === "zh-CN" ? '不是 2019 格式（edition "2019"）的报告' : 'not a report of the 2019 edition (edition "2019")',
    );
  }
  if (tooDeep(r)) {
    throw new MigrationError(
      "TOO-DEEP",
      locale === "zh-CN"
        ? `报告嵌套超过 ${MAX_DEPTH} 层，不是一份年度报告`
        : `the report nests more than ${MAX_DEPTH} levels deep; it is not a report`,
    );
  }
  const l19 = labels["2019"].proactiveDisclosure.blocks;
  const losses: Loss[] = [];
  const lose = (block: string, row: string, col: string, value: number | null, reason: Record<Locale, string>) =>
    losses.push({
      pointer: `/proactiveDisclosure/${block}/${row}/${col}`,
      labelPath: ["表二", l19[block]!.caption, l19[block]!.rows[row], l19[block]!.columns[col]].join(SEP),
      value,
      reason: reason[locale],
    });
  const t2 = need(r.proactiveDisclosure, "/proactiveDisclosure", locale) as Report2019["proactiveDisclosure"];
  const block = (name: string, row: string) =>
    need(need((t2 as any)[name], `/proactiveDisclosure/${name}`, locale)[row], `/proactiveDisclosure/${name}/${row}`, locale);
  for (const row of ["regulations", "normativeDocuments"] as const) {
    for (const [col, v] of Object.entries(block("article20Item1", row))) lose("article20Item1", row, col, v, reasons.item1);
  }
  const decisions = (name: "article20Item5" | "article20Item6", row: string) => {
    const cells = block(name, row) as Record<string, number | null>;
    lose(name, row, "previousYearItemCount", cells.previousYearItemCount!, reasons.items);
    lose(name, row, "changeThisYear", cells.changeThisYear!, reasons.items);
    return { decisionsThisYear: cells.decisionsCount! };
  };
  const licensing = decisions("article20Item5", "administrativeLicensing");
  for (const [col, v] of Object.entries(block("article20Item5", "otherExternalManagementServices")))
    lose("article20Item5", "otherExternalManagementServices", col, v, reasons.otherServices);
  const penalty = decisions("article20Item6", "administrativePenalty");
  const coercion = decisions("article20Item6", "administrativeCoercion");
  for (const [col, v] of Object.entries(block("article20Item8", "administrativeFees")))
    lose("article20Item8", "administrativeFees", col, v, reasons.fees);
  for (const [col, v] of Object.entries(block("article20Item9", "governmentCentralizedProcurement")))
    lose("article20Item9", "governmentCentralizedProcurement", col, v, reasons.procurement);

  const a = structuredClone(need(r.applications, "/applications", locale)) as any;
  const other19 = need(need(a.results, "/applications/results", locale).other, "/applications/results/other", locale);
  for (const [col, v] of Object.entries<number | null>(other19)) {
    losses.push({
      pointer: `/applications/results/other/${col}`,
      labelPath: [
        "表三",
        labels["2019"].applications.rows.results,
        labels["2019"].applications.rows["results.other"],
        labels["2019"].applications.columns[col],
      ].join(SEP),
      value: v,
      reason: reasons.other[locale],
    });
  }
  const blankRow = Object.fromEntries(Object.keys(other19).map((c) => [c, null]));
  a.results.other = { overdueCorrection: { ...blankRow }, overdueFee: { ...blankRow }, otherReasons: other19 };
  const results = pick(a.results, ["granted", "partiallyGranted", "denied", "unableToProvide", "notProcessed", "other", "total"]);

  const nothing = { issuedThisYear: null, repealedThisYear: null, currentlyValid: null };
  const proactiveDisclosure: Report2021["proactiveDisclosure"] = {
    article20Item1: { regulations: { ...nothing }, normativeDocuments: { ...nothing } },
    article20Item5: { administrativeLicensing: licensing },
    article20Item6: { administrativePenalty: penalty, administrativeCoercion: coercion },
    article20Item8: { administrativeFees: { feeAmountThisYear: null } },
    ...(t2.notes ? { notes: structuredClone(t2.notes) } : {}),
  };
  const applications = { ...pick(a, ["newReceived", "carriedOver"]), results, ...pick(a, ["carriedForward", "notes"]) };

  // source tokens follow their cells; those of cells that did not map are in the losses
  let sourceTokens: Record<string, string> | undefined;
  for (const [pointer, token] of Object.entries(r.sourceTokens !== null && typeof r.sourceTokens === "object" ? r.sourceTokens : {}) as [
    string,
    string,
  ][]) {
    const moved = pointer.startsWith("/applications/results/other/") ? pointer.replace("/other/", "/other/otherReasons/") : pointer;
    if (pointer.startsWith("/proactiveDisclosure/") && !/\/decisionsCount$/.test(pointer)) continue;
    (sourceTokens ??= {})[moved.replace(/\/decisionsCount$/, "/decisionsThisYear")] = token;
  }

  const out = {
    ...pick(r as unknown as Record<string, unknown>, ["$schema", "scope", "members"]),
    edition: "2021",
    migratedFrom: { edition: "2019", losses },
    ...pick(r as unknown as Record<string, unknown>, ["year", "title", "agency", "publishedOn", "contact", "preamble", "overview"]),
    proactiveDisclosure,
    applications,
    ...pick(r as unknown as Record<string, unknown>, ["reviewAndLitigation", "problemsAndImprovements", "otherMatters", "signature"]),
    ...(sourceTokens ? { sourceTokens } : {}),
  };
  // key order of the 2021 schema: edition first
  const ordered = pick(out, [
    "$schema",
    "edition",
    "scope",
    "members",
    "migratedFrom",
    "year",
    "title",
    "agency",
    "publishedOn",
    "contact",
    "preamble",
    "overview",
    "proactiveDisclosure",
    "applications",
    "reviewAndLitigation",
    "problemsAndImprovements",
    "otherMatters",
    "signature",
    "sourceTokens",
  ]);
  return { report: ordered as unknown as Report2021, losses };
}
