// zfxxgk serve: runs @zfxxgk/server until SIGINT or SIGTERM, then finishes the requests in flight
// and stops. Logs are pino JSON lines on stdout; the address and the shutdown go to stderr.
import { format, type Catalogue, type Localised } from "@zfxxgk/i18n";
import type { Locale } from "../i18n.js";
import { EXIT, type Io } from "../io.js";

export interface ServeArgs {
  host: string;
  port: number;
  tokensFile?: string;
  importWorkers?: number;
  /** seconds */
  importTimeout?: number;
  /** MiB */
  bodyLimit?: number;
  /** MiB */
  uploadLimit?: number;
  maxInFlight?: number;
  logLevel: string;
  locale: Locale;
  /** resolves when the service should stop (default: SIGINT or SIGTERM) */
  until?: Promise<unknown>;
}

const words = {
  listening: {
    "zh-CN": "zfxxgk 服务已启动：{address}（接口说明 {address}/docs；按 Ctrl+C 停止）",
    en: "zfxxgk is serving on {address} (API at {address}/docs; Ctrl+C stops it)",
  },
  open: {
    "zh-CN": "注意：未设置 --tokens-file，且监听地址不是本机（{host}），任何人都能访问",
    en: "note: no --tokens-file, and {host} is not loopback: anyone who reaches it can use the service",
  },
  stopping: { "zh-CN": "正在停止：完成进行中的请求…", en: "stopping: finishing the requests in flight…" },
  stopped: { "zh-CN": "已停止", en: "stopped" },
  cannotListen: { "zh-CN": "无法在 {host}:{port} 上监听（{detail}）", en: "cannot listen on {host}:{port} ({detail})" },
  badTokens: { "zh-CN": "令牌文件不可用：{detail}", en: "the tokens file cannot be used: {detail}" },
} satisfies Catalogue;

function signalled(): Promise<string> {
  return new Promise((resolve) => {
    const on = (s: string) => {
      process.off("SIGINT", on);
      process.off("SIGTERM", on);
      resolve(s);
    };
    process.on("SIGINT", on);
    process.on("SIGTERM", on);
  });
}

export async function serveCommand(args: ServeArgs, io: Io): Promise<number> {
  const { locale } = args;
  const { createServer, readTokens, TokenFileError } = await import("@zfxxgk/server");
  let tokens: Buffer[] | undefined;
  if (args.tokensFile !== undefined) {
    try {
      tokens = await readTokens(args.tokensFile);
    } catch (e) {
      if (!(e instanceof TokenFileError)) throw e;
      io.stderr(`✖ ${format(words.badTokens[locale], { detail: e.message })}\n`);
      return EXIT.unusable;
    }
  }
  const mib = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 1024 * 1024));
  const options = {
    logger: args.logLevel === "silent" ? false : { level: args.logLevel },
    ...(tokens ? { tokens } : {}),
    ...(args.importWorkers !== undefined ? { importWorkers: args.importWorkers } : {}),
    ...(args.importTimeout !== undefined ? { importTimeoutMs: args.importTimeout * 1000 } : {}),
    ...(args.bodyLimit !== undefined ? { bodyLimit: mib(args.bodyLimit) } : {}),
    ...(args.uploadLimit !== undefined ? { uploadLimit: mib(args.uploadLimit) } : {}),
    ...(args.maxInFlight !== undefined ? { maxInFlight: args.maxInFlight } : {}),
  };
  const server = createServer(options);
  const stop = args.until ?? signalled();
  let address: string;
  try {
    address = await server.listen(args.port, args.host);
  } catch (e) {
    await server.close().catch(() => {});
    const detail = (e as NodeJS.ErrnoException).code ?? String(e);
    io.stderr(`✖ ${format(words.cannotListen[locale], { host: args.host, port: args.port, detail })}\n`);
    return EXIT.unusable;
  }
  io.stderr(`${format(words.listening[locale], { address })}\n`);
  if (!tokens && !/^(127\.|::1$|localhost$)/.test(args.host)) io.stderr(`${format(words.open[locale], { host: args.host })}\n`);
  await stop;
  io.stderr(`${words.stopping[locale]}\n`);
  await server.close();
  io.stderr(`${words.stopped[locale]}\n`);
  return EXIT.ok;
}

export const serveHelp: Localised = {
  "zh-CN": `用法：zfxxgk serve [选项]

以 HTTP 服务提供校验、填充、输出、导入与迁移（@zfxxgk/server）：
  POST /v1/validate  /v1/fill  /v1/render?format=html|xml|docx  /v1/import  /v1/migrate
  GET  /v1/schemas/{版本}  /healthz  /readyz  /openapi.json（OpenAPI 3.1）  /docs
错误以 application/problem+json（RFC 9457）返回，语言按 Accept-Language（zh-CN 或 en）。
导入在工作线程池中进行，有超时；服务繁忙时返回 503 和 Retry-After。
收到 SIGINT 或 SIGTERM 后完成进行中的请求再退出。日志（pino JSON）写到标准输出，不含报告内容。

选项：
  --host <地址>             监听地址（默认 127.0.0.1，仅本机；对外服务请放在反向代理之后）
  --port <端口>             端口（默认 8080；0 表示任选空闲端口）
  --tokens-file <文件>      每行一个访问令牌（# 开头为注释）；给出后 /v1/ 下的请求须带
                            Authorization: Bearer <令牌>
  --import-workers <n>      导入工作线程数（默认每核一个，最多 4 个）
  --import-timeout <秒>     单次导入的时限（默认 60）
  --body-limit <MiB>        JSON 请求体上限（默认 4）
  --upload-limit <MiB>      上传文件上限（默认 64）
  --max-in-flight <n>       同时处理的请求数上限，超出返回 503（默认 256）
  --log-level <级别>        info（默认）、warn、error 或 silent
  --locale zh-CN|en         本命令提示的语言（默认 zh-CN）
  --help                    显示本说明

退出码：0 正常停止；2 用法错误、令牌文件不可用或无法监听。

示例：
  zfxxgk serve --port 8080
  zfxxgk serve --host 0.0.0.0 --tokens-file /etc/zfxxgk/tokens
`,
  en: `Usage: zfxxgk serve [options]

Serves validation, fill, render, import and migration over HTTP (@zfxxgk/server):
  POST /v1/validate  /v1/fill  /v1/render?format=html|xml|docx  /v1/import  /v1/migrate
  GET  /v1/schemas/{edition}  /healthz  /readyz  /openapi.json (OpenAPI 3.1)  /docs
Errors are application/problem+json (RFC 9457) in zh-CN or en after Accept-Language.
Imports run on a pool of worker threads with a deadline; when busy the service answers 503 with
Retry-After. On SIGINT or SIGTERM it finishes the requests in flight, then exits. Logs (pino JSON)
go to standard output and never carry report contents.

Options:
  --host <address>          address to listen on (default 127.0.0.1, this machine only; put a
                            reverse proxy in front to serve others)
  --port <port>             port (default 8080; 0 picks a free one)
  --tokens-file <file>      one bearer token a line (# starts a comment); with it, requests under
                            /v1/ need Authorization: Bearer <token>
  --import-workers <n>      import worker threads (default one per core, at most 4)
  --import-timeout <s>      deadline of one import (default 60)
  --body-limit <MiB>        largest JSON body (default 4)
  --upload-limit <MiB>      largest upload (default 64)
  --max-in-flight <n>       requests handled at once before 503 (default 256)
  --log-level <level>       info (default), warn, error or silent
  --locale zh-CN|en         language of this command's own messages (default zh-CN)
  --help                    show this text

Exit codes: 0 stopped normally; 2 bad usage, an unusable tokens file, or cannot listen.

Examples:
  zfxxgk serve --port 8080
  zfxxgk serve --host 0.0.0.0 --tokens-file /etc/zfxxgk/tokens
`,
};
