// The OpenAPI 3.1 document of the service, built at start-up from the standard itself: the
// report's JSON Schema of each edition is taken from @zfxxgk/schema (OpenAPI 3.1 schemas are
// JSON Schema 2020-12, and each edition's schema carries its own $id, so it is embedded as it is).
// The problem codes come from problem.ts and the render formats from the server's format table.
import { editions, reportSchemas } from "@zfxxgk/schema";
import { problems, PROBLEM_TYPE } from "./problem.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ "application/json": { schema } });
const problem = (description: string) => ({ description, content: { [PROBLEM_TYPE]: { schema: ref("Problem") } } });

/** The problem responses every POST route may give, on top of its own. */
const common = {
  "400": problem("Invalid JSON, JSON nested too deeply, or a bad parameter"),
  "401": problem("A bearer token is required and was missing or wrong (only with --tokens-file)"),
  "408": problem("The request did not arrive in time"),
  "413": problem("The body is larger than the limit"),
  "415": problem("The content type is not one the route reads"),
  "503": {
    ...problem("Saturated (retry after the Retry-After header's seconds) or shutting down"),
    headers: { "Retry-After": { schema: { type: "integer" }, description: "seconds" } },
  },
};

const reportBody = (description: string) => ({ required: true, description, content: json(ref("Report")) });
const localeParam = {
  name: "Accept-Language",
  in: "header",
  required: false,
  schema: { type: "string" },
  description: "zh-CN (default) or en: the language of messages; labels stay Chinese",
};

export interface FormatInfo {
  contentType: string;
  description: string;
}

export function openApiDocument(options: {
  version: string;
  formats: Record<string, FormatInfo>;
  importTypes: string[];
}): Record<string, unknown> {
  const formats = Object.keys(options.formats);
  const schemas: Record<string, unknown> = {
    Report: {
      anyOf: editions.map((e) => ref(`Report${e}`)),
      description: "A report of any supported edition (the edition field says which)",
    },
    Issue: {
      type: "object",
      required: ["code", "severity", "category", "pointer", "labelPath", "message"],
      properties: {
        code: { type: "string", description: "rule id (R1, BLANK-CELL, …) or SCHEMA-<keyword>" },
        severity: { enum: ["error", "warning", "info"] },
        category: { enum: ["schema", "arithmetic", "completeness", "timeliness", "identity", "cross-year"] },
        pointer: { type: "string", description: "JSON pointer of the cell" },
        labelPath: { type: "string", description: "the format's own labels of the cell, e.g. 表三 › … › 自然人" },
        message: { type: "string" },
        expected: { type: ["number", "string"] },
        actual: { type: ["number", "string", "null"] },
        cells: { type: "array", items: { type: "object" } },
        skipped: { const: true },
      },
    },
    ValidationResult: {
      type: "object",
      required: ["valid", "edition", "toolkitVersion", "locale", "counts", "issues"],
      properties: {
        valid: { type: "boolean" },
        edition: { type: ["string", "null"] },
        toolkitVersion: { type: "string" },
        locale: { enum: ["zh-CN", "en"] },
        counts: {
          type: "object",
          required: ["error", "warning", "info"],
          properties: { error: { type: "integer" }, warning: { type: "integer" }, info: { type: "integer" } },
        },
        issues: { type: "array", items: ref("Issue") },
      },
    },
    FillResult: {
      type: "object",
      required: ["report", "filled", "validation"],
      properties: {
        report: ref("Report"),
        filled: { type: "array", items: { type: "string" }, description: "pointers of the computed cells" },
        validation: ref("ValidationResult"),
      },
    },
    ImportResult: {
      type: "object",
      required: ["report", "diagnostics", "edition", "format", "stats", "validation"],
      description:
        "importReport's result, passed through (fields it adds later, such as completeness, included), " +
        "with the imported report's validation",
      properties: {
        report: ref("Report"),
        edition: { enum: [...editions] },
        format: { enum: ["pdf", "text", "html", "word"] },
        diagnostics: { type: "array", items: { type: "object", required: ["pointer", "reason", "severity", "message", "source"] } },
        stats: { type: "object" },
        validation: ref("ValidationResult"),
      },
    },
    MigrateResult: {
      type: "object",
      required: ["report", "losses"],
      properties: {
        report: ref("Report2021"),
        losses: {
          type: "array",
          items: {
            type: "object",
            required: ["pointer", "labelPath", "value", "reason"],
            properties: {
              pointer: { type: "string" },
              labelPath: { type: "string" },
              value: { type: ["number", "null"] },
              reason: { type: "string" },
            },
          },
        },
      },
    },
    EditionBundle: {
      type: "object",
      required: ["edition", "schema", "labels", "rules"],
      properties: { edition: { enum: [...editions] }, schema: { type: "object" }, labels: { type: "object" }, rules: { type: "object" } },
    },
    Problem: {
      type: "object",
      description: "RFC 9457 problem details; title and detail in the language of Accept-Language",
      required: ["type", "title", "status", "code"],
      properties: {
        type: { type: "string", format: "uri" },
        title: { type: "string" },
        status: { type: "integer" },
        detail: { type: "string" },
        instance: { type: "string" },
        code: { enum: Object.keys(problems) },
        requestId: { type: "string" },
        issues: { type: "array", items: ref("Issue"), description: "the validator's issues, when the report is the problem" },
        diagnostics: {
          type: "array",
          items: { type: "object" },
          description: "the importer's diagnostics, when nothing could be imported",
        },
      },
    },
    Health: {
      type: "object",
      required: ["status"],
      properties: { status: { enum: ["ok", "ready", "not-ready"] }, imports: { type: "object" } },
    },
  };
  for (const e of editions) schemas[`Report${e}`] = reportSchemas[e];

  const post = (summary: string, extra: Record<string, unknown>, responses: Record<string, unknown>) => ({
    post: { summary, parameters: [localeParam], ...extra, responses: { ...responses, ...common } },
  });
  const paths = {
    "/v1/validate": post(
      "Validate a report: every issue names its cell by JSON pointer and by the format's labels",
      {
        requestBody: {
          required: true,
          description: "a report, or {report, previous} to check the cross-year rules against last year's report",
          content: json({
            anyOf: [
              ref("Report"),
              { type: "object", required: ["report", "previous"], properties: { report: ref("Report"), previous: ref("Report") } },
            ],
          }),
        },
      },
      { "200": { description: "The validation result (valid or not)", content: json(ref("ValidationResult")) } },
    ),
    "/v1/fill": post(
      "Compute blank totals from their parts",
      { requestBody: reportBody("a report") },
      {
        "200": { description: "The filled report, the cells computed and its validation", content: json(ref("FillResult")) },
        "422": problem("Not a report of a known edition; issues lists why"),
      },
    ),
    "/v1/render": post(
      "Render a report in the official layout",
      {
        parameters: [
          localeParam,
          { name: "format", in: "query", required: false, schema: { enum: formats, default: "html" } },
          {
            name: "fragment",
            in: "query",
            required: false,
            schema: { type: "boolean", default: false },
            description: "html: the <article> for a CMS instead of a whole page",
          },
          {
            name: "force",
            in: "query",
            required: false,
            schema: { type: "boolean", default: false },
            description: "render a report with errors anyway",
          },
        ],
        requestBody: reportBody("a report"),
      },
      {
        "200": {
          description: "The rendered report",
          content: Object.fromEntries(
            Object.values(options.formats).map((f) => [
              f.contentType,
              {
                schema: {
                  type: "string",
                  description: f.description,
                  ...(f.contentType.includes("charset") ? {} : { contentMediaType: f.contentType }),
                },
              },
            ]),
          ),
        },
        "422": problem("Not a report, or a report with errors (issues lists them; force=true renders it anyway)"),
      },
    ),
    "/v1/import": post(
      "Import a published report (PDF, HTML page or text) as report JSON",
      {
        parameters: [
          localeParam,
          { name: "format", in: "query", required: false, schema: { enum: ["auto", "pdf", "text", "html"], default: "auto" } },
        ],
        requestBody: {
          required: true,
          description: "the file as the raw body, or one file in a multipart/form-data upload",
          content: {
            "multipart/form-data": {
              schema: { type: "object", properties: { file: { type: "string", contentMediaType: "application/octet-stream" } } },
            },
            ...Object.fromEntries(options.importTypes.map((t) => [t, { schema: { type: "string", contentMediaType: t } }])),
          },
        },
      },
      {
        "200": { description: "The imported report with the importer's diagnostics", content: json(ref("ImportResult")) },
        "422": {
          description:
            "Nothing could be imported (a problem; diagnostics says why), or the import failed — a table not found or most " +
            "cells unread (completeness.status failed): the same body as 200, so that it is never taken for a success",
          content: { ...problem("").content, ...json(ref("ImportResult")) },
        },
        "500": problem("The import worker died on this file"),
        "504": problem("The import took longer than the limit"),
      },
    ),
    "/v1/migrate": post(
      "Migrate a 2019-edition report to the 2021 edition, listing every value that cannot map",
      {
        parameters: [localeParam, { name: "to", in: "query", required: false, schema: { enum: ["2021"], default: "2021" } }],
        requestBody: reportBody("a 2019-edition report"),
      },
      {
        "200": { description: "The migrated report and the losses", content: json(ref("MigrateResult")) },
        "422": problem("Not a 2019-edition report"),
      },
    ),
    "/v1/schemas/{edition}": {
      get: {
        summary: "The standard of one edition: JSON Schema, labels and rules",
        parameters: [{ name: "edition", in: "path", required: true, schema: { enum: [...editions] } }],
        responses: {
          "200": { description: "The edition's schema, labels and rules", content: json(ref("EditionBundle")) },
          "404": problem("No such edition"),
        },
      },
    },
    "/healthz": {
      get: { summary: "Liveness: the process answers", responses: { "200": { description: "alive", content: json(ref("Health")) } } },
    },
    "/readyz": {
      get: {
        summary: "Readiness: taking requests (not shutting down, import pool not saturated)",
        responses: {
          "200": { description: "ready", content: json(ref("Health")) },
          "503": { description: "not ready", content: json(ref("Health")) },
        },
      },
    },
    "/openapi.json": {
      get: { summary: "This document", responses: { "200": { description: "OpenAPI 3.1", content: json({ type: "object" }) } } },
    },
    "/docs": {
      get: {
        summary: "A page describing the API",
        responses: { "200": { description: "HTML", content: { "text/html": { schema: { type: "string" } } } } },
      },
    },
  };
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "zfxxgk — 政府信息公开工作年度报告 API",
      version: options.version,
      description:
        "Validate, fill, render, import and migrate government information disclosure annual reports " +
        "(国办公开办函〔2021〕30号 and the 2019 trial edition). " +
        "Errors are application/problem+json (RFC 9457) in zh-CN or en after Accept-Language.",
      license: { name: "MIT", identifier: "MIT" },
    },
    components: {
      schemas,
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "only when the service was started with --tokens-file" } },
    },
    security: [{}, { bearer: [] }],
    paths,
  };
}
