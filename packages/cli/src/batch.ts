// Validates a stream of files on worker threads (one per core), yielding outcomes in input order.
// Memory stays flat: a bounded number of files is in flight, and nothing is kept once yielded.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { FormatOptions } from "./format-outcome.js";
import type { Checked } from "./validate-file.js";

// The worker is always run from dist/ (src/ and dist/ sit at the same depth), since a worker
// thread cannot load TypeScript.
const workerUrl = new URL("../dist/validate-worker.js", import.meta.url);

/** Files per message: one round trip per file would cost more than validating it. */
const CHUNK = 32;

export async function* validateInWorkers(
  files: AsyncIterable<string>,
  options: FormatOptions & { previous: unknown; workers?: number },
): AsyncGenerator<Checked> {
  const count = Math.max(1, options.workers ?? Math.min(availableParallelism(), 8));
  // a worker inherits the process's flags; those that say how to read a script given inline
  // (node -e, --input-type) would stop it from loading its own file
  const execArgv = process.execArgv.filter((a) => !/^(--input-type|--eval|-e|--print|-p)(=|$)/.test(a));
  const pool = Array.from({ length: count }, () => new Worker(workerUrl, { execArgv, workerData: { json: options.json, verbose: options.verbose, locale: options.locale, previous: options.previous } }));
  const idle = [...pool];
  const done = new Map<number, Checked[]>();
  const waiting: { resolve: (w: Worker) => void; reject: (e: Error) => void }[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  for (const w of pool) {
    w.on("message", (m: { id: number; results?: Checked[]; crash?: string }) => {
      if (m.crash !== undefined) failure ??= new Error(m.crash);
      else done.set(m.id, m.results!);
      const next = waiting.shift();
      if (next) next.resolve(w);
      else idle.push(w);
      notify();
    });
    w.on("error", (e) => {
      failure ??= e;
      for (const t of waiting.splice(0)) t.reject(e);
      notify();
    });
  }
  const take = () =>
    new Promise<Worker>((resolve, reject) => (failure ? reject(failure) : idle.length ? resolve(idle.pop()!) : waiting.push({ resolve, reject })));
  const limit = count * 4; // chunks in flight or finished but not yet yielded
  let sent = 0;
  let next = 0;
  try {
    const iterator = files[Symbol.asyncIterator]();
    let exhausted = false;
    while (!exhausted || next < sent) {
      if (failure) throw failure;
      // yield what is ready, in order
      while (done.has(next)) {
        const chunk = done.get(next)!;
        done.delete(next);
        next++;
        yield* chunk;
      }
      if (!exhausted && sent - next < limit) {
        const chunk: string[] = [];
        while (chunk.length < CHUNK) {
          const step = await iterator.next();
          if (step.done) {
            exhausted = true;
            break;
          }
          chunk.push(step.value);
        }
        if (chunk.length) {
          const w = await take();
          w.postMessage({ id: sent++, files: chunk });
        }
        continue;
      }
      if (next < sent && !done.has(next)) await new Promise<void>((r) => (wake = r));
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
