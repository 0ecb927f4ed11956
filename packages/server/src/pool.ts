// A fixed pool of worker threads for work that may be slow or hostile (imports of uploaded
// files). One task per worker at a time; a bounded queue, beyond which callers are told the
// pool is saturated instead of waiting without end; a per-task deadline after which the worker
// is terminated and replaced. A worker that dies fails its own task only.
import type { ResourceLimits, Worker } from "node:worker_threads";
import { startWorker } from "./start-worker.js";

export type PoolFailure = "saturated" | "timeout" | "crashed" | "closed";

export class PoolError extends Error {
  constructor(
    readonly reason: PoolFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface PoolOptions {
  workerUrl: URL;
  size: number;
  /** tasks waiting for a worker, beyond those running */
  queueLimit: number;
  timeoutMs: number;
  resourceLimits?: ResourceLimits;
  /** passed to each worker as workerData */
  workerData?: unknown;
}

interface Task {
  data: unknown;
  transfer: ArrayBuffer[];
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private closing = false;
  private idleWaiters: (() => void)[] = [];
  /** workers replaced after a crash or a timeout, for the operator's metrics */
  replaced = 0;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn());
  }

  get running(): number {
    return this.slots.filter((s) => s.task).length;
  }

  get queued(): number {
    return this.queue.length;
  }

  /** The worker threads busy with a task (the fault tests kill one of them mid-task). */
  busyWorkers(): Worker[] {
    return this.slots.filter((s) => s.task).map((s) => s.worker);
  }

  run<T>(data: unknown, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.closing) return Promise.reject(new PoolError("closed", "the pool is closing"));
    if (this.running + this.queue.length >= this.options.size + this.options.queueLimit)
      return Promise.reject(new PoolError("saturated", "every worker is busy and the queue is full"));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ data, transfer, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Stops taking tasks, lets the running and queued ones finish, then ends the workers. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.running || this.queue.length) await new Promise<void>((r) => this.idleWaiters.push(r));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = startWorker(this.options.workerUrl, {
      ...(this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {}),
      workerData: this.options.workerData,
    });
    worker.unref();
    const slot: Slot = { worker, task: null, timer: null };
    worker.on("message", (m: { ok: true; value: unknown } | { ok: false; message: string }) => {
      const task = this.finish(slot);
      if (!task) return;
      if (m.ok) task.resolve(m.value);
      else task.reject(new PoolError("crashed", m.message));
      this.dispatch();
    });
    const died = (e: Error | number) => {
      if (!this.slots.includes(slot)) return;
      const task = this.finish(slot);
      this.replace(slot);
      task?.reject(new PoolError("crashed", typeof e === "number" ? `the worker exited with code ${e}` : e.message));
      this.dispatch();
    };
    worker.on("error", died);
    worker.on("exit", died);
    return slot;
  }

  private finish(slot: Slot): Task | null {
    const task = slot.task;
    slot.task = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    return task;
  }

  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.replaced++;
    void slot.worker.terminate();
    if (this.closing) this.slots.splice(i, 1);
    else this.slots[i] = this.spawn();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task || !this.queue.length) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(() => {
        const t = this.finish(slot);
        this.replace(slot);
        t?.reject(new PoolError("timeout", `no result within ${this.options.timeoutMs} ms`));
        this.dispatch();
      }, this.options.timeoutMs);
      slot.worker.postMessage(task.data, task.transfer);
    }
    if (!this.running && !this.queue.length) for (const w of this.idleWaiters.splice(0)) w();
  }
}
