// Errors as application/problem+json (RFC 9457), in the language the client asked for.
// Every problem the service can answer with is a row of this table, so the OpenAPI document,
// the docs page and the handlers cannot disagree on what a code means.
import { localeOf as defaultLocale, locales, type Locale, type Localised } from "@zfxxgk/i18n";

export type { Locale };

export const PROBLEM_TYPE = "application/problem+json";

interface ProblemKind {
  status: number;
  title: Localised;
}

export const problems = {
  "invalid-json": { status: 400, title: { "zh-CN": "请求体不是有效的 JSON", en: "The request body is not valid JSON" } },
  "too-deep": { status: 400, title: { "zh-CN": "JSON 嵌套过深", en: "The JSON nests too deeply" } },
  "bad-request": { status: 400, title: { "zh-CN": "请求有误", en: "Bad request" } },
  "bad-multipart": { status: 400, title: { "zh-CN": "multipart 请求体无法解析", en: "The multipart body cannot be parsed" } },
  unauthorized: { status: 401, title: { "zh-CN": "需要有效的访问令牌", en: "A valid bearer token is required" } },
  "not-found": { status: 404, title: { "zh-CN": "没有这个地址", en: "No such resource" } },
  "method-not-allowed": { status: 405, title: { "zh-CN": "不支持该请求方法", en: "Method not allowed" } },
  "not-acceptable": { status: 406, title: { "zh-CN": "无法提供所要求的格式", en: "Not acceptable" } },
  "request-timeout": { status: 408, title: { "zh-CN": "请求发送超时", en: "The request took too long to arrive" } },
  "too-large": { status: 413, title: { "zh-CN": "请求体过大", en: "The request body is too large" } },
  "too-many-files": { status: 413, title: { "zh-CN": "上传的文件过多", en: "Too many files uploaded" } },
  "unsupported-media-type": { status: 415, title: { "zh-CN": "不支持的内容类型", en: "Unsupported content type" } },
  "not-a-report": { status: 422, title: { "zh-CN": "不是可识别版本的年度报告", en: "Not a report of a known edition" } },
  "invalid-report": { status: 422, title: { "zh-CN": "报告未通过校验", en: "The report is not valid" } },
  "not-imported": { status: 422, title: { "zh-CN": "未能从文件中导入报告", en: "No report could be imported from the file" } },
  "not-migratable": { status: 422, title: { "zh-CN": "无法迁移该报告", en: "The report cannot be migrated" } },
  internal: { status: 500, title: { "zh-CN": "服务内部错误", en: "Internal error" } },
  "worker-failed": { status: 500, title: { "zh-CN": "导入进程意外终止", en: "The import worker died" } },
  saturated: { status: 503, title: { "zh-CN": "服务繁忙，请稍后重试", en: "The service is busy; retry later" } },
  "shutting-down": { status: 503, title: { "zh-CN": "服务正在停止", en: "The service is shutting down" } },
  timeout: { status: 504, title: { "zh-CN": "处理超时", en: "Processing took too long" } },
} satisfies Record<string, ProblemKind>;

export type ProblemCode = keyof typeof problems;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: ProblemCode;
  requestId?: string;
  [extension: string]: unknown;
}

/** The problem's type URI: stable, and the same in both languages. */
export const typeUri = (code: ProblemCode) => `urn:zfxxgk:problem:${code}`;

export class HttpProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail?: Localised,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

export function problemBody(p: HttpProblem, locale: Locale, instance: string, requestId: string): Problem {
  const kind = problems[p.code];
  return {
    type: typeUri(p.code),
    title: kind.title[locale],
    status: kind.status,
    ...(p.detail ? { detail: p.detail[locale] } : {}),
    instance,
    code: p.code,
    requestId,
    ...p.extensions,
  };
}

/** The locale a language tag asks for: zh, zh-TW and zh-Hans all read zh-CN, en-GB reads en. */
const localeOfTag = (tag: string): Locale | undefined =>
  locales.find((l) => {
    const primary = l.split("-")[0]!.toLowerCase();
    return tag === primary || tag.startsWith(`${primary}-`);
  });

/**
 * A locale of @zfxxgk/i18n from an Accept-Language header (RFC 9110 quality values); zh-CN when
 * the header names none, since the reports and their readers are Chinese.
 */
export function localeOf(header: string | undefined): Locale {
  if (!header) return defaultLocale(undefined);
  let best: { locale: Locale; q: number } | null = null;
  for (const part of header.slice(0, 512).split(",")) {
    const [tag, ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((s) => s.trim()).find((s) => s.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const locale = localeOfTag(tag!);
    if (locale && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? defaultLocale(undefined);
}
