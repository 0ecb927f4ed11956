// Validates a stream of files on this thread and on worker threads, yielding the results of runs
// of files in input order. Memory stays flat: a bounded number of files is in flight, and nothing
// is kept once yielded.
//
// Where the time goes (measured with --cpu-prof): per file, reading and JSON.parse cost about as
// much as validating, so the work is spread as whole files — a worker is sent paths, reads the
// files itself and sends back one string of output and a few counts per run (the bytes never
// cross threads). A worker's start costs a fixed ~0.1 s loading the validator and another ~0.1 s
// warming it up (measured on a quiet core), as much as this thread validating ~1,500 files, so a
// batch below that is validated here alone, and a larger one starts a worker per ~1,500 files,
// one fewer than the cores: this thread, the validator loaded and warm already, validates too,
// whenever every worker has its fill.
import { availableParallelism } from "node:os";
import { startWorker } from "@zfxxgk/server/start-worker";
// the validator is loaded only once the workers are on their way, so that they load theirs meanwhile
import type { Checked, CheckOptions } from "./validate-file.js";

// The worker is always run from dist/ (src/ and dist/ sit at the same depth), since a worker
// thread cannot load TypeScript.
const workerUrl = new URL("../dist/validate-worker.js", import.meta.url);

/** Files per message to a worker: enough that a round trip costs nothing beside them. */
const CHUNK = 256;
/** Chunks a worker holds at a time: the one it validates and the next, so it never waits. */
const DEPTH = 2;
/** Files this thread validates at a time between looking after the workers. */
const OWN_CHUNK = 48;
/** Files a worker's start costs (see above): a batch needs this many per worker for it to pay. */
export const FILES_PER_WORKER = 1500;
/** How far the walk is read ahead to count the files before deciding on workers. */
const LOOKAHEAD = 8 * FILES_PER_WORKER;
/** Files sent out or validated but not yet yielded, at most: bounds the results held. */
const AHEAD = 4096;
/** Worker threads, at most, whatever the cores. */
const MAX_WORKERS = 8;

export interface BatchOptions extends CheckOptions {
  /** worker threads; 0 validates in this thread; default: from the batch's size and the cores */
  workers?: number;
}

/** How many workers a batch of at least `files` files (exactly that many when `all`) is worth. */
export function workersFor(files: number, all: boolean, cores = availableParallelism()): number {
  // one core: a worker could only take turns with this thread
  if ((all && files < FILES_PER_WORKER) || cores < 2) return 0;
  return Math.max(1, Math.min(cores - 1, MAX_WORKERS, Math.floor(files / FILES_PER_WORKER)));
}

export async function* validateBatch(runs: AsyncIterable<string[]>, options: BatchOptions): AsyncGenerator<Checked> {
  const iterator = runs[Symbol.asyncIterator]();
  let queue: string[] = [];
  let at = 0; // queue[at] is the next file to hand out
  let exhausted = false;
  /** Reads runs of the walk until `want` files wait (or the walk ends). */
  const fill = async (want: number) => {
    while (!exhausted && queue.length - at < want) {
      const step = await iterator.next();
      if (step.done) exhausted = true;
      else {
        if (at > 0) {
          queue = queue.slice(at);
          at = 0;
        }
        for (const f of step.value) queue.push(f);
      }
    }
    return queue.length - at;
  };
  const take = (n: number) => {
    const chunk = queue.slice(at, at + n);
    at += chunk.length;
    return chunk;
  };

  const known = await fill(LOOKAHEAD);
  const count = options.workers ?? workersFor(known, exhausted);
  const check: CheckOptions = { json: options.json, verbose: options.verbose, locale: options.locale, previous: options.previous };
  if (count === 0) {
    const { checkFiles } = await import("./validate-file.js");
    while ((await fill(OWN_CHUNK)) > 0) yield checkFiles(take(OWN_CHUNK), check);
    return;
  }

  const pool = Array.from({ length: count }, () => ({
    worker: startWorker(workerUrl, { workerData: check }),
    held: 0,
  }));
  const { checkFiles } = await import("./validate-file.js");
  const done = new Map<number, Checked>();
  let failure: Error | null = null;
  let closing = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  for (const slot of pool) {
    slot.worker.on("message", (m: { id: number; result?: Checked; crash?: string }) => {
      slot.held--;
      if (m.crash !== undefined) failure ??= new Error(m.crash);
      else done.set(m.id, m.result!);
      notify();
    });
    slot.worker.on("error", (e) => {
      failure ??= e;
      notify();
    });
    slot.worker.on("exit", (code) => {
      if (!closing) failure ??= new Error(`a validation worker stopped (exit code ${code})`);
      notify();
    });
  }

  let sent = 0; // chunk ids handed out
  let next = 0; // the chunk id to yield next
  let ahead = 0; // files handed out and not yet yielded
  try {
    for (;;) {
      if (failure) throw failure;
      while (done.has(next)) {
        const result = done.get(next)!;
        done.delete(next++);
        ahead -= result.files;
        yield result;
      }
      let left = await fill(CHUNK);
      if (left === 0 && next === sent) return;
      // near the end, smaller chunks, so that no thread is left with a long tail while others idle
      const size = (cap: number) => (exhausted ? Math.min(cap, Math.max(16, Math.ceil(left / (2 * (count + 1))))) : cap);
      let fed = false;
      for (const slot of pool) {
        while (left > 0 && slot.held < DEPTH && ahead < AHEAD) {
          const files = take(size(CHUNK));
          slot.held++;
          ahead += files.length;
          slot.worker.postMessage({ id: sent++, files });
          left -= files.length;
          fed = true;
        }
      }
      if (left > 0 && ahead < AHEAD) {
        const files = take(size(OWN_CHUNK));
        ahead += files.length;
        done.set(sent++, checkFiles(files, check));
        // let the workers' messages in between this thread's chunks
        await new Promise<void>((r) => setImmediate(r));
        continue;
      }
      if (fed || done.has(next)) continue;
      await new Promise<void>((r) => {
        wake = r;
      });
    }
  } finally {
    closing = true;
    await Promise.all(pool.map((s) => s.worker.terminate()));
  }
}
