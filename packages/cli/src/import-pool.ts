// Imports many files on worker threads, one per core, yielding results in input order. At most
// two files per worker are in flight and finished results wait only until their turn, so memory
// stays bounded however many files there are. A worker that dies or passes the time limit on a
// file fails that file only: it is replaced, the files it held after that one are handed on,
// and the batch goes on.
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import type { ImportOptions, ImportResult } from "@zfxxgk/import";
import { startWorker } from "@zfxxgk/server/start-worker";

export interface ImportTask {
  id: number;
  file: string;
  options: ImportOptions;
}

export type Imported =
  | { file: string; result: ImportResult; valid: boolean; errors: number }
  /** `timeout`: the file was stopped after this many seconds */
  | { file: string; error: string; limit?: number; timeout?: number };

export interface PoolOptions {
  workers?: number;
  /** seconds one file may take; its worker is stopped after that */
  timeout: number;
}

// run from dist/ (src/ and dist/ sit at the same depth): a worker thread cannot load TypeScript
const workerUrl = new URL("../dist/import-worker.js", import.meta.url);
const PER_WORKER = 2;

interface Slot {
  worker: Worker;
  /** ids sent, in order; the worker imports them one at a time, the first one now */
  held: number[];
  timer: NodeJS.Timeout | null;
}

export async function* importInWorkers(files: string[], options: ImportOptions, pool: PoolOptions): AsyncGenerator<Imported> {
  const count = Math.max(1, Math.min(pool.workers ?? availableParallelism(), files.length));
  const limitMs = pool.timeout * 1000;
  const done = new Map<number, Imported>();
  /** ids taken back from a stopped worker, to be sent again before new ones */
  const again: number[] = [];
  const slots = new Set<Slot>();
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  // the clock of a worker's current file starts when it begins it: when it is sent to an idle
  // worker, or when the worker's previous result arrives
  const clock = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = slot.held.length ? setTimeout(() => stop(slot, { timeout: pool.timeout }), limitMs) : null;
  };
  /** Ends a worker: its current file fails with `why`, the files queued behind it go to another. */
  const stop = (slot: Slot, why: { timeout: number } | { error: string }) => {
    if (!slots.delete(slot)) return;
    if (slot.timer) clearTimeout(slot.timer);
    const [current, ...queued] = slot.held;
    if (current !== undefined) done.set(current, { file: files[current]!, error: "error" in why ? why.error : "timeout", ...why });
    again.unshift(...queued);
    void slot.worker.terminate();
    if (next < files.length) spawn();
    notify();
  };
  const spawn = () => {
    const slot: Slot = { worker: startWorker(workerUrl), held: [], timer: null };
    slots.add(slot);
    slot.worker.on("message", (m: Imported & { id: number }) => {
      if (!slots.has(slot)) return;
      const { id, ...rest } = m;
      done.set(id, rest as Imported);
      slot.held = slot.held.filter((x) => x !== id);
      clock(slot);
      notify();
    });
    slot.worker.on("error", (e) => stop(slot, { error: e.message }));
    slot.worker.on("exit", (code) => stop(slot, { error: `worker exited (${code})` }));
  };
  let sent = 0;
  let next = 0;
  for (let i = 0; i < count; i++) spawn();
  try {
    while (next < files.length) {
      // keep every worker fed, but never run further ahead of the output than the pool holds
      for (const slot of slots) {
        while (slot.held.length < PER_WORKER && (again.length || (sent < files.length && sent - next < count * PER_WORKER * 2))) {
          const id = again.length ? again.shift()! : sent++;
          slot.held.push(id);
          slot.worker.postMessage({ id, file: files[id]!, options } satisfies ImportTask);
          if (slot.held.length === 1) clock(slot);
        }
      }
      if (done.has(next)) {
        const r = done.get(next)!;
        done.delete(next);
        next++;
        yield r;
        continue;
      }
      await new Promise<void>((r) => {
        wake = r;
      });
    }
  } finally {
    const all = [...slots];
    slots.clear();
    for (const s of all) if (s.timer) clearTimeout(s.timer);
    await Promise.all(all.map((s) => s.worker.terminate()));
  }
}
