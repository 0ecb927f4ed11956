// Runs pdf-worker.ts on a worker thread and ends it at the time limit: the only way to stop
// synchronous work in pdf.js. One idle worker is kept for the next PDF (loading pdf.js costs
// more than a small PDF), unreferenced so that it never keeps a process alive.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Doc } from "./document.js";
import { ImportFailure, type FailureCode } from "../errors.js";

// a worker thread cannot load TypeScript: it is always run from dist/ (src/ and dist/ sit at the same depth)
const workerUrl = new URL("../../dist/read/pdf-worker.js", import.meta.url);

/** Heap for one PDF's reading: more than any report needs, far less than the machine has. */
const HEAP_MB = 1536;

let idle: Worker | null = null;

function spawn(): Worker {
  // a host started with node -e or --input-type would make the worker read its file as that
  const execArgv = process.execArgv.filter((a) => !/^(--input-type|--eval|-e|--print|-p)(=|$)/.test(a));
  return new Worker(workerUrl, { execArgv, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
}

/** The PDF's lines read on a worker thread; null when the worker's file is not built (then the caller reads in-thread). */
export async function pdfDocInWorker(bytes: Uint8Array, timeoutMs: number): Promise<Doc | null> {
  if (!existsSync(fileURLToPath(workerUrl))) return null;
  const worker = idle ?? spawn();
  idle = null;
  worker.ref();
  return new Promise<Doc>((resolve, reject) => {
    const done = (keep: boolean) => {
      clearTimeout(timer);
      worker.removeAllListeners("message");
      worker.removeAllListeners("error");
      worker.removeAllListeners("exit");
      if (keep && idle === null) {
        worker.unref();
        idle = worker;
      } else void worker.terminate();
    };
    const timer = setTimeout(() => {
      done(false);
      reject(new ImportFailure("timeout", `PDF reading took longer than ${timeoutMs} ms`));
    }, timeoutMs);
    worker.on("message", (m: { doc?: Doc; failure?: { code: FailureCode; message: string } }) => {
      done(true);
      if (m.doc) resolve(m.doc);
      else reject(new ImportFailure(m.failure!.code, m.failure!.message));
    });
    worker.on("error", (e: Error & { code?: string }) => {
      done(false);
      reject(
        new ImportFailure("unreadable", e.code === "ERR_WORKER_OUT_OF_MEMORY" ? `more than ${HEAP_MB} MB of memory needed` : e.message),
      );
    });
    worker.on("exit", () => {
      done(false);
      reject(new ImportFailure("unreadable", "the PDF reader stopped"));
    });
    // a copy, transferred: the caller keeps its bytes
    const copy = new Uint8Array(bytes);
    worker.postMessage({ bytes: copy, timeoutMs }, [copy.buffer]);
  });
}
