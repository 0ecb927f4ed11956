// What an operator can set, with defaults that hold for a province's portal on a small machine.
import { availableParallelism } from "node:os";
import { MAX_DEPTH } from "@zfxxgk/validator";
import type { RenderFormat } from "./formats.js";

export interface ServerOptions {
  /** JSON bodies (reports), bytes; default 4 MiB (a report is ~20 KB) */
  bodyLimit?: number;
  /** uploads to /v1/import, bytes; default 64 MiB (the importer's PDF limit) */
  uploadLimit?: number;
  /** nesting of objects and arrays in a JSON body; default the validator's (64) */
  maxDepth?: number;
  /** files in one multipart upload; default 1 */
  maxFiles?: number;
  /** import worker threads; default one per core, at most 4 */
  importWorkers?: number;
  /** imports waiting for a worker before 503; default 4 per worker */
  importQueue?: number;
  /** one import, ms; default 60 s */
  importTimeoutMs?: number;
  /** heap of one import worker, MiB; default 512 */
  importMemoryMb?: number;
  /** nice value (0–19) of the import threads on Linux, to favour the HTTP thread; default 0 */
  importNice?: number;
  /** requests being handled at once before 503; default 256 */
  maxInFlight?: number;
  /** the whole request (headers and body) must arrive within, ms; default 60 s */
  requestTimeoutMs?: number;
  /** the headers must arrive within, ms; default 10 s */
  headersTimeoutMs?: number;
  /** an idle keep-alive connection is closed after, ms; default 5 s */
  keepAliveTimeoutMs?: number;
  /** SHA-256 digests of the accepted bearer tokens (see readTokens); none: no authentication */
  tokens?: Buffer[];
  /** pino logger options, or false for none; default info-level JSON lines on stdout */
  logger?: boolean | Record<string, unknown>;
  /** render formats beyond html and xml (docx, pdf…), keyed by the ?format= value */
  formats?: Record<string, RenderFormat>;
}

export type Settings = Required<Omit<ServerOptions, "tokens" | "formats" | "logger">> &
  Pick<ServerOptions, "tokens" | "formats" | "logger">;

export function settingsOf(o: ServerOptions): Settings {
  const workers = o.importWorkers ?? Math.min(availableParallelism(), 4);
  return {
    bodyLimit: o.bodyLimit ?? 4 * 1024 * 1024,
    uploadLimit: o.uploadLimit ?? 64 * 1024 * 1024,
    maxDepth: o.maxDepth ?? MAX_DEPTH,
    maxFiles: o.maxFiles ?? 1,
    importWorkers: workers,
    importQueue: o.importQueue ?? workers * 4,
    importTimeoutMs: o.importTimeoutMs ?? 60_000,
    importMemoryMb: o.importMemoryMb ?? 512,
    importNice: o.importNice ?? 0,
    maxInFlight: o.maxInFlight ?? 256,
    requestTimeoutMs: o.requestTimeoutMs ?? 60_000,
    headersTimeoutMs: o.headersTimeoutMs ?? 10_000,
    keepAliveTimeoutMs: o.keepAliveTimeoutMs ?? 5_000,
    tokens: o.tokens,
    formats: o.formats,
    logger: o.logger,
  };
}
