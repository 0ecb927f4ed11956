// POST /v1/import: a published report's file, as the raw body or one part of a multipart upload,
// imported on the worker pool. Its own plugin scope, so that its body limit and its raw content
// types apply to it alone.
import type { FastifyInstance, FastifyRequest } from "fastify";
import multipart from "@fastify/multipart";
import { importTypes } from "./formats.js";
import type { Settings } from "./options.js";
import { PoolError, type WorkerPool } from "./pool.js";
import { HttpProblem } from "./problem.js";
import { localeFor } from "./routes.js";

const FORMATS = ["auto", "pdf", "docx", "doc", "text", "html"];

async function uploadedBytes(req: FastifyRequest, _settings: Settings): Promise<Buffer> {
  if (req.isMultipart()) {
    let file: Buffer | null = null;
    for await (const part of req.parts()) {
      // busboy counts files against `files`; fields are read and ignored (a form's submit button…)
      if (part.type !== "file") continue;
      // one report per request: a second file is refused rather than silently dropped
      if (file) throw new HttpProblem("bad-multipart", { "zh-CN": "每次只能上传一个文件", en: "upload one file per request" });
      file = await part.toBuffer();
    }
    if (!file) throw new HttpProblem("bad-multipart", { "zh-CN": "multipart 请求中没有文件", en: "the multipart body holds no file" });
    return file;
  }
  if (!Buffer.isBuffer(req.body))
    throw new HttpProblem("unsupported-media-type", {
      "zh-CN": `请以 multipart/form-data 或原始文件（${importTypes.join("、")}）上传`,
      en: `upload multipart/form-data or the raw file (${importTypes.join(", ")})`,
    });
  return req.body;
}

export function importRoute(settings: Settings, pool: WorkerPool) {
  return async (app: FastifyInstance) => {
    await app.register(multipart, {
      limits: {
        files: settings.maxFiles,
        fileSize: settings.uploadLimit,
        fields: 16,
        fieldSize: 1024,
        parts: settings.maxFiles + 16,
        headerPairs: 64,
      },
      throwFileSizeLimit: true,
    });
    app.addContentTypeParser(importTypes, { parseAs: "buffer", bodyLimit: settings.uploadLimit }, (_req, body, done) => done(null, body));

    app.post<{ Querystring: Record<string, string | undefined> }>("/v1/import", { bodyLimit: settings.uploadLimit }, async (req, reply) => {
      const locale = localeFor(req);
      const format = req.query.format ?? "auto";
      if (!FORMATS.includes(format))
        throw new HttpProblem("bad-request", {
          "zh-CN": `format 只能是 ${FORMATS.join("、")}`,
          en: `format must be one of ${FORMATS.join(", ")}`,
        });
      const bytes = await uploadedBytes(req, settings);
      // a copy the worker owns: the request's buffer may be a slice of a shared pool
      const own = new Uint8Array(bytes.byteLength);
      own.set(bytes);
      let result: { imported: true; failed: boolean; json: string } | { imported: false; diagnostics: unknown[] };
      try {
        result = await pool.run({ bytes: own, options: { format, locale } }, [own.buffer]);
      } catch (e) {
        if (!(e instanceof PoolError)) throw e;
        if (e.reason === "saturated")
          throw new HttpProblem("saturated", { "zh-CN": "导入队列已满", en: "the import queue is full" }, {}, { "retry-after": "5" });
        if (e.reason === "closed") throw new HttpProblem("shutting-down", undefined, {}, { "retry-after": "5" });
        if (e.reason === "timeout")
          throw new HttpProblem("timeout", {
            "zh-CN": `导入超过 ${settings.importTimeoutMs} 毫秒未完成`,
            en: `the import did not finish within ${settings.importTimeoutMs} ms`,
          });
        req.log.warn({ reason: e.message }, "import worker failed");
        throw new HttpProblem("worker-failed", { "zh-CN": "处理该文件的导入进程意外终止", en: "the worker importing this file died" });
      }
      if (!result.imported)
        throw new HttpProblem(
          "not-imported",
          { "zh-CN": "文件中没有找到可导入的报告（见 diagnostics）", en: "no report could be imported from the file (see diagnostics)" },
          { diagnostics: result.diagnostics },
        );
      // a failed import (a table not found, most cells unread) is not a success, even with a report:
      // 422, with the same body, so that a client checking the status cannot take it for one
      return reply
        .code(result.failed ? 422 : 200)
        .type("application/json; charset=utf-8")
        .send(result.json);
    });
  };
}
