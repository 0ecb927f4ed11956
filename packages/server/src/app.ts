// The service: a Fastify instance with the limits, the error mapping, authentication, logging and
// the routes. createServer builds it without listening, so tests and benchmarks use it directly.
import { randomUUID } from "node:crypto";
import { createServer as createHttpServer, type IncomingMessage, type Server } from "node:http";
import { createRequire } from "node:module";
import type { Socket } from "node:net";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { authorized } from "./auth.js";
import { docsPage } from "./docs-page.js";
import { builtInFormats, importTypes } from "./formats.js";
import { importRoute } from "./import-route.js";
import { parseJsonBody } from "./json-body.js";
import { openApiDocument } from "./openapi.js";
import { settingsOf, type ServerOptions, type Settings } from "./options.js";
import { WorkerPool } from "./pool.js";
import { HttpProblem, localeOf, problemBody, problems, PROBLEM_TYPE, type ProblemCode } from "./problem.js";
import { jsonRoutes } from "./routes.js";

const version = (createRequire(import.meta.url)("../package.json") as { version: string }).version;

/** What a tokens file leaves open: health checks and the API's own description. Everything else, unknown paths included, needs a token. */
const OPEN_ROUTES = new Set(["/healthz", "/readyz", "/openapi.json", "/docs"]);

export interface ZfxxgkServer {
  app: FastifyInstance;
  pool: WorkerPool;
  settings: Settings;
  /** Listens (127.0.0.1 unless told otherwise); resolves to the address. */
  listen: (port?: number, host?: string) => Promise<string>;
  /** Stops taking requests, finishes those in flight and the imports, then ends the workers. */
  close: () => Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

function sendProblem(reply: FastifyReply, req: FastifyRequest, p: HttpProblem): FastifyReply {
  const locale = localeOf(req.headers["accept-language"]);
  for (const [k, v] of Object.entries(p.headers)) reply.header(k, v);
  if (p.code === "unauthorized") reply.header("www-authenticate", 'Bearer realm="zfxxgk"');
  return reply
    .code(problems[p.code].status)
    .type(PROBLEM_TYPE)
    .header("content-language", locale)
    .send(JSON.stringify(problemBody(p, locale, req.url.split("?")[0]!, String(req.id))));
}

/** Fastify's and the multipart plugin's own errors, as problems. */
function problemOf(err: FastifyError, req: FastifyRequest): HttpProblem {
  if (err instanceof HttpProblem) return err;
  const code = err.code ?? "";
  const type = String(req.headers["content-type"] ?? "").slice(0, 100) || "(none)";
  const detail =
    code === "FST_ERR_CTP_INVALID_MEDIA_TYPE"
      ? { "zh-CN": `${req.url.split("?")[0]} 不接受内容类型 ${type}`, en: `${req.url.split("?")[0]} does not take content type ${type}` }
      : { "zh-CN": err.message, en: err.message };
  const map: Record<string, ProblemCode> = {
    FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported-media-type",
    FST_ERR_CTP_INVALID_TYPE: "unsupported-media-type",
    FST_INVALID_MULTIPART_CONTENT_TYPE: "unsupported-media-type",
    FST_ERR_CTP_BODY_TOO_LARGE: "too-large",
    FST_REQ_FILE_TOO_LARGE: "too-large",
    FST_FILES_LIMIT: "too-many-files",
    FST_PARTS_LIMIT: "too-many-files",
    FST_FIELDS_LIMIT: "bad-multipart",
    FST_PROTO_VIOLATION: "bad-multipart",
    FST_ERR_CTP_EMPTY_JSON_BODY: "invalid-json",
  };
  if (map[code]) return new HttpProblem(map[code]!, detail);
  if (err.statusCode === 413) return new HttpProblem("too-large", detail);
  if (err.statusCode === 408) return new HttpProblem("request-timeout", detail);
  // busboy's own complaints (a missing boundary, a truncated part) come without a Fastify code
  if (/multipart|boundary|busboy|Unexpected end of form|Malformed part header/i.test(err.message))
    return new HttpProblem("bad-multipart", detail);
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return new HttpProblem("bad-request", detail);
  return new HttpProblem("internal");
}

export function createServer(options: ServerOptions = {}): ZfxxgkServer {
  const settings = settingsOf(options);
  const formats = { ...builtInFormats, ...settings.formats };
  const pool = new WorkerPool({
    workerUrl: new URL("../dist/import-worker.js", import.meta.url),
    size: settings.importWorkers,
    queueLimit: settings.importQueue,
    timeoutMs: settings.importTimeoutMs,
    resourceLimits: { maxOldGenerationSizeMb: settings.importMemoryMb },
    workerData: { nice: settings.importNice },
  });
  let httpServer: Server | undefined;
  const app = Fastify({
    bodyLimit: settings.bodyLimit,
    // the request timeouts are set on the HTTP server itself, which answers slow clients with 408
    serverFactory: (handler) => {
      httpServer = createHttpServer(
        {
          requestTimeout: settings.requestTimeoutMs,
          headersTimeout: settings.headersTimeoutMs,
          keepAliveTimeout: settings.keepAliveTimeoutMs,
          connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(settings.headersTimeoutMs / 4))),
        },
        handler,
      );
      return httpServer;
    },
    logger:
      settings.logger === false
        ? false
        : {
            level: "info",
            // what a request was, never what it carried: reports, uploads and tokens stay out of the log
            serializers: {
              req: (r: FastifyRequest) => ({
                method: r.method,
                url: r.url.split("?")[0],
                remoteAddress: r.ip,
                contentLength: r.headers["content-length"],
              }),
              res: (r: { statusCode: number }) => ({ statusCode: r.statusCode }),
            },
            ...(typeof settings.logger === "object" ? settings.logger : {}),
          },
    genReqId: (req: IncomingMessage) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    forceCloseConnections: "idle",
    clientErrorHandler: (err: Error & { code?: string }, socket: Socket) => {
      if (!socket.writable) return void socket.destroy();
      const timeout = err.code === "ERR_HTTP_REQUEST_TIMEOUT";
      const code: ProblemCode = timeout ? "request-timeout" : err.code === "HPE_HEADER_OVERFLOW" ? "too-large" : "bad-request";
      const body = JSON.stringify({
        type: `urn:zfxxgk:problem:${code}`,
        title: problems[code].title.en,
        status: problems[code].status,
        code,
      });
      socket.end(
        `HTTP/1.1 ${problems[code].status} ${timeout ? "Request Timeout" : "Bad Request"}\r\n` +
          `Content-Type: ${PROBLEM_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `Connection: close\r\n\r\n${body}`,
      );
    },
  });

  let inFlight = 0;
  let closing = false;
  app.addHook("onRequest", async (req, reply) => {
    reply.header("x-request-id", String(req.id));
    inFlight++;
    reply.raw.once("close", () => inFlight--);
    if (closing) throw new HttpProblem("shutting-down", undefined, {}, { "retry-after": "5", connection: "close" });
    // decided on the route the router matched, never on the raw URL: the router decodes the path
    // (/%761/validate is /v1/validate), so a prefix test of req.url could be walked around
    const route = req.routeOptions.url ?? "";
    if (inFlight > settings.maxInFlight && route !== "/healthz")
      throw new HttpProblem("saturated", { "zh-CN": "同时处理的请求过多", en: "too many requests in flight" }, {}, { "retry-after": "1" });
    if (settings.tokens && !OPEN_ROUTES.has(route) && !authorized(req.headers.authorization, settings.tokens))
      throw new HttpProblem("unauthorized", {
        "zh-CN": "请在 Authorization 头中提供有效的 Bearer 令牌",
        en: "send a valid token as Authorization: Bearer <token>",
      });
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as string, settings.maxDepth));
    } catch (e) {
      done(e as Error, undefined);
    }
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const p = problemOf(err, req);
    if (p.code === "internal") req.log.error({ err: { message: err.message, stack: err.stack } }, "internal error");
    return sendProblem(reply, req, p);
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(
      reply,
      req,
      new HttpProblem("not-found", {
        "zh-CN": `没有 ${req.method} ${req.url.split("?")[0]}`,
        en: `no ${req.method} ${req.url.split("?")[0]}`,
      }),
    ),
  );

  const doc = openApiDocument({ version, formats, importTypes });
  const docText = JSON.stringify(doc);
  const docsHtml = docsPage(doc);
  app.get("/openapi.json", (_req, reply) => reply.type("application/json").send(docText));
  app.get("/docs", (_req, reply) => reply.type("text/html; charset=utf-8").send(docsHtml));
  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_req, reply) => {
    const full = pool.running + pool.queued >= settings.importWorkers + settings.importQueue;
    const imports = { workers: settings.importWorkers, running: pool.running, queued: pool.queued, replaced: pool.replaced };
    if (closing || full) return reply.code(503).send({ status: "not-ready", imports });
    return { status: "ready", imports };
  });
  jsonRoutes(app, formats);
  app.register(importRoute(settings, pool));

  return {
    app,
    pool,
    settings,
    // a burst of connections waits in the kernel's queue rather than being refused (capped by somaxconn)
    listen: async (port = 8080, host = "127.0.0.1") => app.listen({ port, host, backlog: 2048 }),
    close: async () => {
      closing = true;
      // app.close waits for the requests in flight; the pool then for any import still queued
      await app.close();
      await pool.close();
      httpServer = undefined;
    },
  };
}
