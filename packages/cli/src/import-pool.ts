// Imports many files on worker threads, one per core, yielding results in input order. At most
// two files per worker are in flight and finished results wait only until their turn, so memory
// stays bounded however many files there are. A worker that dies fails its file only: it is
// replaced and the batch goes on.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ImportOptions, ImportResult } from "@zfxxgk/import";

export interface ImportTask {
  id: number;
  file: string;
  options: ImportOptions;
}

export type Imported =
  | { file: string; result: ImportResult; valid: boolean; errors: number }
  | { file: string; error: string; limit?: number };

// run from dist/ (src/ and dist/ sit at the same depth): a worker thread cannot load TypeScript
const workerUrl = new URL("../dist/import-worker.js", import.meta.url);
const PER_WORKER = 2;

export async function* importInWorkers(
  files: string[],
  options: ImportOptions,
  workers = availableParallelism(),
): AsyncGenerator<Imported> {
  const count = Math.max(1, Math.min(workers, files.length));
  const execArgv = process.execArgv.filter((a) => !/^(--input-type|--eval|-e|--print|-p)(=|$)/.test(a));
  const done = new Map<number, Imported>();
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const held = new Map<Worker, number[]>();
  const spawn = (): Worker => {
    const w = new Worker(workerUrl, { execArgv });
    held.set(w, []);
    w.on("message", (m: Imported & { id: number }) => {
      const { id, ...rest } = m;
      done.set(id, rest as Imported);
      held.set(
        w,
        held.get(w)!.filter((x) => x !== id),
      );
      notify();
    });
    const died = (e: Error | number) => {
      if (!held.has(w)) return;
      for (const id of held.get(w)!) done.set(id, { file: files[id]!, error: typeof e === "number" ? `worker exited (${e})` : e.message });
      held.delete(w);
      if (sent < files.length || held.size === 0) spawn();
      notify();
    };
    w.on("error", died);
    w.on("exit", died);
    return w;
  };
  let sent = 0;
  for (let i = 0; i < count; i++) spawn();
  try {
    for (let next = 0; next < files.length; ) {
      // keep every worker fed, but never run further ahead of the output than the pool holds
      for (const [w, ids] of held) {
        while (ids.length < PER_WORKER && sent < files.length && sent - next < count * PER_WORKER * 2) {
          ids.push(sent);
          w.postMessage({ id: sent, file: files[sent]!, options } satisfies ImportTask);
          sent++;
        }
      }
      if (done.has(next)) {
        const r = done.get(next)!;
        done.delete(next);
        next++;
        yield r;
        continue;
      }
      await new Promise<void>((r) => (wake = r));
    }
  } finally {
    const all = [...held.keys()];
    held.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }
}
