// Starting a worker thread with the process's own flags: the server's import pool, and the CLI's
// batch validate and import <dir> (as @zfxxgk/server/start-worker, which loads nothing else). A
// worker inherits the flags, less those that say how to read an inline script (node -e,
// --input-type), which would stop it from loading its own file; but Node refuses V8's flags
// (--max-old-space-size, --stack-size, --expose-gc…) in a worker's execArgv, and a batch or the
// service would fail under `node --max-old-space-size=… zfxxgk`. Those are the process's anyway:
// the ones Node names as refused are left out, once, and kept out.
import { Worker, type WorkerOptions } from "node:worker_threads";

let argv: string[] = [];
let of: string | null = null;

export function startWorker(url: URL, options: WorkerOptions = {}): Worker {
  if (of !== process.execArgv.join("\0")) {
    of = process.execArgv.join("\0");
    argv = process.execArgv.filter((a) => !/^(--input-type|--eval|-e|--print|-p)(=|$)/.test(a));
  }
  try {
    return new Worker(url, { ...options, execArgv: argv });
  } catch (e) {
    if ((e as { code?: string }).code !== "ERR_WORKER_INVALID_EXEC_ARGV") throw e;
    const refused = new Set((/flags: (.*)$/.exec((e as Error).message)?.[1] ?? "").split(", "));
    const kept = argv.filter((a) => !refused.has(a));
    // a message this code does not understand: start with no flags rather than not at all
    argv = kept.length < argv.length ? kept : [];
    return startWorker(url, options);
  }
}
