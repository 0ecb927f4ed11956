// Validates a stream of files on worker threads (one per core), yielding outcomes in input order.
// Memory stays flat: a bounded number of files is in flight, and nothing is kept once yielded.
// The workers are started once and fed large chunks, each worker holding a second chunk while it
// works on the first, so that it never waits for the main thread to hand it more. This thread
// validates too, in small chunks, whenever every worker has its fill: it has the validator loaded
// and warm already, so it counts as one of the cores (and one worker fewer is started). A batch
// small enough to finish before workers would have started is validated in this thread alone.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { FormatOptions } from "./format-outcome.js";
import { checkFile, type Checked } from "./validate-file.js";

// The worker is always run from dist/ (src/ and dist/ sit at the same depth), since a worker
// thread cannot load TypeScript.
const workerUrl = new URL("../dist/validate-worker.js", import.meta.url);

/** Files per message once the workers are running: one round trip per file would cost more than validating it. */
const CHUNK = 256;
/** The first chunk of each worker is small, so that results start to flow at once. */
const FIRST_CHUNK = 32;
/** Chunks a worker holds at a time: the one it validates and the next. */
const DEPTH = 2;
/** Files this thread validates at a time between looking after the workers. */
const OWN_CHUNK = 48;
/**
 * Up to this many files, starting workers costs more than it saves: a new thread loads the
 * validator and warms it up (~0.6 s of CPU measured, as much as validating ~5,000 files on a warm
 * thread), so a worker pays off only in batches of thousands.
 */
const IN_PROCESS = 2000;

const noStdin = async (): Promise<Uint8Array> => new Uint8Array();

export async function* validateInWorkers(
  files: AsyncIterable<string>,
  options: FormatOptions & { previous: unknown; workers?: number },
): AsyncGenerator<Checked> {
  const iterator = files[Symbol.asyncIterator]();
  const head: string[] = [];
  let exhausted = false;
  while (head.length <= IN_PROCESS) {
    const step = await iterator.next();
    if (step.done) {
      exhausted = true;
      break;
    }
    head.push(step.value);
  }
  if (exhausted) {
    for (const file of head) yield await checkFile(file, options, noStdin);
    return;
  }

  // this thread is one of the cores
  const count = Math.max(1, options.workers ?? Math.min(availableParallelism(), 8) - 1);
  // a worker inherits the process's flags; those that say how to read a script given inline
  // (node -e, --input-type) would stop it from loading its own file
  const execArgv = process.execArgv.filter((a) => !/^(--input-type|--eval|-e|--print|-p)(=|$)/.test(a));
  const workerData = { json: options.json, verbose: options.verbose, locale: options.locale, previous: options.previous };
  const pool = Array.from({ length: count }, () => ({ worker: new Worker(workerUrl, { execArgv, workerData }), held: 0, sent: 0 }));
  const done = new Map<number, Checked[]>();
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  for (const slot of pool) {
    slot.worker.on("message", (m: { id: number; results?: Checked[]; crash?: string }) => {
      slot.held--;
      if (m.crash !== undefined) failure ??= new Error(m.crash);
      else done.set(m.id, m.results!);
      notify();
    });
    slot.worker.on("error", (e) => {
      failure ??= e;
      notify();
    });
  }

  const limit = count * (DEPTH + 2); // chunks in flight or finished but not yet yielded
  let sent = 0;
  let next = 0;
  const pending = head;
  try {
    while (!exhausted || pending.length > 0 || next < sent) {
      if (failure) throw failure;
      while (done.has(next)) {
        const chunk = done.get(next)!;
        done.delete(next);
        next++;
        yield* chunk;
      }
      const slot = pool.reduce((a, b) => (b.held < a.held ? b : a));
      if ((pending.length > 0 || !exhausted) && sent - next < limit) {
        const own = slot.held >= DEPTH;
        const size = own ? OWN_CHUNK : slot.sent === 0 ? FIRST_CHUNK : CHUNK;
        while (!exhausted && pending.length < size) {
          const step = await iterator.next();
          if (step.done) exhausted = true;
          else pending.push(step.value);
        }
        const chunk = pending.splice(0, size);
        if (!chunk.length) continue;
        const id = sent++;
        if (own) {
          const results: Checked[] = [];
          for (const file of chunk) results.push(await checkFile(file, options, noStdin));
          done.set(id, results);
        } else {
          slot.held++;
          slot.sent++;
          slot.worker.postMessage({ id, files: chunk });
        }
        continue;
      }
      if (next < sent && !done.has(next)) await new Promise<void>((r) => (wake = r));
    }
  } finally {
    await Promise.all(pool.map((s) => s.worker.terminate()));
  }
}
