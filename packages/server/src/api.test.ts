// The service as an integrator meets it: over real HTTP on loopback, with the repository's example
// report and the corpus's published files, checked against the OpenAPI document it serves.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validate as openApiValidate } from "@readme/openapi-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { validate } from "@zfxxgk/validator";
import { createServer, type ZfxxgkServer } from "./index.js";
import { page2019, pdf, report, reportText } from "./test-support/fixtures.js";
import { j } from "./test-support/fixtures.js";

let server: ZfxxgkServer;
let base: string;
const logLines: string[] = [];

beforeAll(async () => {
  const sink = new Writable({ write: (chunk, _e, cb) => (logLines.push(String(chunk)), cb()) });
  server = createServer({ logger: { stream: sink }, importWorkers: 2 });
  base = await server.listen(0);
});
afterAll(() => server.close());

const post = (path: string, body: string | Buffer, type = "application/json", headers: Record<string, string> = {}) =>
  fetch(base + path, { method: "POST", body, headers: { "content-type": type, ...headers } });

interface Case {
  name: string;
  method: "get" | "post";
  path: string; // as in the document
  url: string;
  init?: RequestInit;
  status: number;
}

const invalid = structuredClone(report) as { applications: { newReceived: { naturalPerson: number } } };
invalid.applications.newReceived.naturalPerson += 7;

function multipart(files: { name: string; type: string; bytes: Buffer }[]): { body: Buffer; type: string } {
  const boundary = `----zfxxgk${Math.random().toString(16).slice(2)}`;
  const parts = files.map((f) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`),
      f.bytes,
      Buffer.from("\r\n"),
    ]),
  );
  return { body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}
const json = (v: unknown): RequestInit => ({ method: "POST", body: JSON.stringify(v), headers: { "content-type": "application/json" } });

const cases: Case[] = [
  { name: "a valid report", method: "post", path: "/v1/validate", url: "/v1/validate", init: json(report), status: 200 },
  {
    name: "{report, previous}",
    method: "post",
    path: "/v1/validate",
    url: "/v1/validate",
    init: json({ report, previous: report }),
    status: 200,
  },
  {
    name: "broken JSON",
    method: "post",
    path: "/v1/validate",
    url: "/v1/validate",
    init: { method: "POST", body: '{"edition": "2021",', headers: { "content-type": "application/json" } },
    status: 400,
  },
  {
    name: "a form",
    method: "post",
    path: "/v1/validate",
    url: "/v1/validate",
    init: { method: "POST", body: "a=1", headers: { "content-type": "application/x-www-form-urlencoded" } },
    status: 415,
  },
  { name: "fill", method: "post", path: "/v1/fill", url: "/v1/fill", init: json(report), status: 200 },
  { name: "fill of no report", method: "post", path: "/v1/fill", url: "/v1/fill", init: json({ hello: 1 }), status: 422 },
  { name: "render html", method: "post", path: "/v1/render", url: "/v1/render", init: json(report), status: 200 },
  { name: "render xml", method: "post", path: "/v1/render", url: "/v1/render?format=xml", init: json(report), status: 200 },
  { name: "render an invalid report", method: "post", path: "/v1/render", url: "/v1/render", init: json(invalid), status: 422 },
  { name: "render docx", method: "post", path: "/v1/render", url: "/v1/render?format=docx", init: json(report), status: 200 },
  {
    name: "render in an unknown format",
    method: "post",
    path: "/v1/render",
    url: "/v1/render?format=odt",
    init: json(report),
    status: 400,
  },
  {
    name: "import a PDF",
    method: "post",
    path: "/v1/import",
    url: "/v1/import",
    init: { method: "POST", body: pdf, headers: { "content-type": "application/pdf" } },
    status: 200,
  },
  {
    name: "import an upload",
    method: "post",
    path: "/v1/import",
    url: "/v1/import",
    init: (() => {
      const m = multipart([{ name: "r.html", type: "text/html", bytes: page2019 }]);
      return { method: "POST", body: m.body, headers: { "content-type": m.type } };
    })(),
    status: 200,
  },
  {
    name: "import of nothing",
    method: "post",
    path: "/v1/import",
    url: "/v1/import",
    init: { method: "POST", body: "hello", headers: { "content-type": "text/plain" } },
    status: 422,
  },
  { name: "migrate a 2021 report", method: "post", path: "/v1/migrate", url: "/v1/migrate", init: json(report), status: 422 },
  { name: "schemas 2021", method: "get", path: "/v1/schemas/{edition}", url: "/v1/schemas/2021", status: 200 },
  { name: "schemas 2019", method: "get", path: "/v1/schemas/{edition}", url: "/v1/schemas/2019", status: 200 },
  { name: "schemas 2030", method: "get", path: "/v1/schemas/{edition}", url: "/v1/schemas/2030", status: 404 },
  { name: "healthz", method: "get", path: "/healthz", url: "/healthz", status: 200 },
  { name: "readyz", method: "get", path: "/readyz", url: "/readyz", status: 200 },
  { name: "openapi", method: "get", path: "/openapi.json", url: "/openapi.json", status: 200 },
  { name: "docs", method: "get", path: "/docs", url: "/docs", status: 200 },
];

describe("the OpenAPI document", () => {
  let doc: Record<string, any>;
  let ajv: Ajv2020;
  beforeAll(async () => {
    doc = (await j(await fetch(`${base}/openapi.json`))) as Record<string, any>;
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    // the document's components as one schema resource, so that #/components/schemas/X resolves
    const components = JSON.parse(
      JSON.stringify(doc.components.schemas).replaceAll('"#/components/schemas/', '"urn:test:components#/$defs/'),
    );
    ajv.addSchema({ $id: "urn:test:components", $defs: components });
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const result = (await openApiValidate(structuredClone(doc) as never)) as { valid: boolean; errors?: unknown[] };
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("carries each edition's report JSON Schema as the schema package publishes it", async () => {
    for (const edition of ["2021", "2019"]) {
      const bundle = await j(await fetch(`${base}/v1/schemas/${edition}`));
      expect(doc.components.schemas[`Report${edition}`]).toEqual(bundle.schema);
      expect(bundle.schema.$id).toBe(`urn:zfxxgk:annual-report:${edition}:schema`);
    }
  });

  it("has a case below for every operation it lists", () => {
    const listed = Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    const tried = new Set(cases.map((c) => `${c.method} ${c.path}`));
    expect(listed.filter((o) => !tried.has(o))).toEqual([]);
  });

  it.each(cases)("answers $name with $status, as documented", async (c) => {
    const r = await fetch(base + c.url, c.init ?? {});
    expect(r.status).toBe(c.status);
    const op = doc.paths[c.path][c.method];
    const documented = op.responses[String(c.status)];
    expect(documented, `${c.status} is documented for ${c.method} ${c.path}`).toBeDefined();
    const type = r.headers.get("content-type")!.split(";")[0]!;
    const media = Object.entries(documented.content ?? {}).find(([t]) => t.split(";")[0] === type);
    expect(media, `${type} is documented for ${c.status}`).toBeDefined();
    if (/json$/.test(type)) {
      const body = await j(r);
      const schema = JSON.parse(
        JSON.stringify((media![1] as { schema: unknown }).schema).replaceAll('"#/components/schemas/', '"urn:test:components#/$defs/'),
      );
      const check = ajv.compile(schema);
      expect(check(body), JSON.stringify(check.errors?.slice(0, 3))).toBe(true);
    } else if (type.includes("wordprocessingml")) {
      const bytes = Buffer.from(await r.arrayBuffer());
      expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK"); // a zip: the .docx container
      expect(bytes.includes(Buffer.from("word/document.xml"))).toBe(true);
    } else expect((await r.text()).length).toBeGreaterThan(100);
  });
});

describe("answers", () => {
  it("name every faulty cell by pointer and label path, in the language asked for", async () => {
    const en = await j(
      await post("/v1/validate", JSON.stringify(invalid), "application/json", { "accept-language": "en-GB,en;q=0.9,zh;q=0.5" }),
    );
    const zh = await j(await post("/v1/validate", JSON.stringify(invalid), "application/json", { "accept-language": "zh-CN" }));
    expect(en.valid).toBe(false);
    const enIssue = en.issues.find((i: { severity: string }) => i.severity === "error");
    const zhIssue = zh.issues.find((i: { severity: string }) => i.severity === "error");
    expect(enIssue.pointer).toBe(zhIssue.pointer);
    expect(enIssue.labelPath).toMatch(/^表/);
    expect(enIssue.message).not.toBe(zhIssue.message);
    expect(en.locale).toBe("en");
  });

  it("refuse an invalid report's render as problem+json carrying the validator's issues", async () => {
    const r = await post("/v1/render", JSON.stringify(invalid), "application/json", { "accept-language": "en" });
    expect(r.status).toBe(422);
    expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const p = await j(r);
    expect(p).toMatchObject({ type: "urn:zfxxgk:problem:invalid-report", status: 422, code: "invalid-report", instance: "/v1/render" });
    expect(p.issues.length).toBeGreaterThan(0);
    expect(p.issues[0].pointer).toMatch(/^\/applications\//);
    const forced = await fetch(`${base}/v1/render?force=true&fragment=true`, json(invalid));
    expect(forced.status).toBe(200);
    expect(await forced.text()).toMatch(/^<article/);
  });

  it("fill computes the blank totals the example leaves, and the result validates with no warning", async () => {
    const before = validate(report);
    const r = await j(await post("/v1/fill", reportText));
    expect(r.filled.length).toBeGreaterThan(0);
    expect(r.validation.valid).toBe(true);
    expect(r.validation.counts.warning).toBeLessThan(before.counts.warning);
  });

  it("imports the 2019-edition page and migrates it to 2021, listing what does not map", async () => {
    const imported = await j(await post("/v1/import", page2019, "text/html"));
    expect(imported.edition).toBe("2019");
    expect(imported.diagnostics.length).toBeGreaterThan(0);
    const migrated = await post("/v1/migrate?to=2021", JSON.stringify(imported.report), "application/json", { "accept-language": "en" });
    expect(migrated.status).toBe(200);
    const m = await j(migrated);
    expect(m.report.edition).toBe("2021");
    expect(Array.isArray(m.losses)).toBe(true);
  });

  it("refuse JSON nested deeper than the limit with 400 too-deep", async () => {
    const r = await post("/v1/validate", "[".repeat(100_000) + "]".repeat(100_000));
    expect(r.status).toBe(400);
    expect((await j(r)).code).toBe("too-deep");
  });

  it("say where JSON breaks, by line and column", async () => {
    const p = await j(await post("/v1/validate", '{\n  "edition": "2021",\n  "year": }', "application/json", { "accept-language": "en" }));
    expect(p.code).toBe("invalid-json");
    expect(p.line).toBe(3);
    expect(p.detail).toMatch(/^line 3, column/);
  });

  it("carry the caller's request id, or a new one, and log requests without their contents", async () => {
    const r = await post("/v1/validate", reportText, "application/json", { "x-request-id": "portal-42" });
    expect(r.headers.get("x-request-id")).toBe("portal-42");
    const other = await post("/v1/validate", reportText);
    expect(other.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 50));
    const log = logLines.join("");
    expect(log).toContain('"reqId":"portal-42"');
    expect(log).not.toContain("塔城市");
    expect(log).not.toContain("淮安");
  });
});
