// The /v1 routes over JSON reports: thin wrappers over the library functions, which say in
// problem+json what they refuse and why.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { editions, labels, reportSchemas, rules, type Edition } from "@zfxxgk/schema";
import { fillWithDetails, validate, type ValidationResult } from "@zfxxgk/validator";
import type { Report } from "@zfxxgk/types";
import type { RenderFormat } from "./formats.js";
import { HttpProblem, localeOf, type Locale } from "./problem.js";

export const localeFor = (req: FastifyRequest): Locale => localeOf(req.headers["accept-language"]);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** A body that is not JSON (a form, a file) is refused here: these routes read reports. */
function jsonBody(req: FastifyRequest): unknown {
  if (!/^application\/json\b/i.test(req.headers["content-type"] ?? ""))
    throw new HttpProblem("unsupported-media-type", { "zh-CN": "请求体须为 application/json", en: "the body must be application/json" });
  return req.body;
}

/** Why a value is no report of a known edition, in both languages; issues in the client's. */
function notReport(body: unknown, result: ValidationResult): HttpProblem {
  const words = (locale: Locale) =>
    validate(body, { locale })
      .issues.map((i) => i.message)
      .join(locale === "zh-CN" ? "；" : "; ");
  return new HttpProblem("not-a-report", { "zh-CN": words("zh-CN"), en: words("en") }, { issues: result.issues });
}

const flag = (v: unknown) => v === "true" || v === "1" || v === "";

export function jsonRoutes(app: FastifyInstance, formats: Record<string, RenderFormat>): void {
  app.post("/v1/validate", async (req) => {
    const body = jsonBody(req);
    const locale = localeFor(req);
    // {report, previous} asks for the cross-year rules; a report itself has an edition field
    if (isObject(body) && !("edition" in body) && "report" in body)
      return validate(body.report, { locale, ...(body.previous !== undefined ? { previous: body.previous } : {}) });
    return validate(body, { locale });
  });

  app.post("/v1/fill", async (req) => {
    const body = jsonBody(req);
    const locale = localeFor(req);
    const before = validate(body, { locale });
    if (before.edition === null) throw notReport(body, before);
    const { report, filled } = fillWithDetails(body);
    return { report, filled, validation: validate(report, { locale }) };
  });

  app.post<{ Querystring: Record<string, string | undefined> }>("/v1/render", async (req, reply) => {
    const body = jsonBody(req);
    const locale = localeFor(req);
    const name = req.query.format ?? "html";
    const format = Object.hasOwn(formats, name) ? formats[name]! : undefined;
    const known = Object.keys(formats).join(", ");
    if (!format)
      throw new HttpProblem("bad-request", {
        "zh-CN": `format 只能是 ${known} 之一，而不是“${name}”`,
        en: `format must be one of ${known}, not "${name}"`,
      });
    const fragment = flag(req.query.fragment);
    if (fragment && !format.fragment)
      throw new HttpProblem("bad-request", { "zh-CN": `fragment 不适用于 ${name}`, en: `fragment does not apply to ${name}` });
    const result = validate(body, { locale });
    if (result.edition === null) throw notReport(body, result);
    if (!result.valid && !flag(req.query.force)) {
      const errors = result.issues.filter((i) => i.severity === "error");
      throw new HttpProblem(
        "invalid-report",
        {
          "zh-CN": `报告有 ${errors.length} 个错误，未输出（force=true 可仍然输出）`,
          en: `the report has ${errors.length} errors; not rendered (force=true renders it anyway)`,
        },
        { issues: errors },
      );
    }
    let out: string | Uint8Array;
    try {
      out = await format.render(body as Report, { locale, fragment });
    } catch (e) {
      // an exporter's refusal names the value it cannot write (DocxExportError, XmlExportError…)
      const pointer = (e as { pointer?: unknown }).pointer;
      if (!(e instanceof Error) || !/ExportError$/.test(e.name)) throw e;
      throw new HttpProblem("invalid-report", { "zh-CN": e.message, en: e.message }, typeof pointer === "string" ? { pointer } : {});
    }
    return reply.type(format.contentType).send(typeof out === "string" ? out : Buffer.from(out.buffer, out.byteOffset, out.byteLength));
  });

  app.post<{ Querystring: Record<string, string | undefined> }>("/v1/migrate", async (req) => {
    const body = jsonBody(req);
    const locale = localeFor(req);
    const to = req.query.to ?? "2021";
    const { migrate, MigrationError } = await import("@zfxxgk/migrate");
    try {
      return migrate(body, { to: to as "2021", locale });
    } catch (e) {
      if (!(e instanceof MigrationError)) throw e;
      const other = locale === "en" ? "zh-CN" : "en";
      let otherMessage = e.message;
      try {
        migrate(body, { to: to as "2021", locale: other });
      } catch (e2) {
        otherMessage = (e2 as Error).message;
      }
      const detail = { [locale]: e.message, [other]: otherMessage } as Record<Locale, string>;
      throw new HttpProblem(
        e.code === "UNSUPPORTED-TARGET" ? "bad-request" : e.code === "TOO-DEEP" ? "too-deep" : "not-migratable",
        detail,
      );
    }
  });

  app.get<{ Params: { edition: string } }>("/v1/schemas/:edition", async (req, reply) => {
    const edition = req.params.edition as Edition;
    if (!editions.includes(edition))
      throw new HttpProblem("not-found", {
        "zh-CN": `没有“${edition}”版格式；已有 ${editions.join("、")}`,
        en: `no edition "${edition}"; there are ${editions.join(", ")}`,
      });
    reply.header("cache-control", "public, max-age=3600");
    return { edition, schema: reportSchemas[edition], labels: labels[edition], rules: rules[edition] };
  });
}
