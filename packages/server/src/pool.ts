// A fixed pool of worker threads for work that may be slow or hostile (imports of uploaded
// files). One task per worker at a time; a bounded queue, beyond which callers are told the
// pool is saturated instead of waiting without end; a per-task deadline after which the worker
// is terminated and replaced. A worker that dies fails its own task only.
import { Worker, type ResourceLimits, type WorkerOptions } from "node:worker_threads";

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

/**
 * A worker with the process's own flags, less those that say how to read an inline script (node
 * -e, --input-type: they would stop it loading its own file) and those Node refuses in a worker's
 * execArgv (V8's: --max-old-space-size, --stack-size…, which would stop the service starting under
 * `node --max-old-space-size=… zfxxgk serve`; they are the process's anyway). The refused ones are
 * the ones Node's error names, left out once and kept out.
 */
let argv: string[] = [];
let argvOf: string | null = null;
function startWorker(url: URL, options: WorkerOptions): Worker {
  if (argvOf !== process.execArgv.join("\0")) {
    argvOf = process.execArgv.join("\0");
    argv = process.execArgv.filter((a) => !/^(--input-type|--eval|-e|--print|-p)(=|$)/.test(a));
  }
  try {
    return new Worker(url, { ...options, execArgv: argv });
  } catch (e) {
    if ((e as { code?: string }).code !== "ERR_WORKER_INVALID_EXEC_ARGV") throw e;
    const refused = new Set((/flags: (.*)$/.exec((e as Error).message)?.[1] ?? "").split(", "));
    const kept = argv.filter((a) => !refused.has(a));
    argv = kept.length < argv.length ? kept : [];
    return startWorker(url, options);
  }
}
