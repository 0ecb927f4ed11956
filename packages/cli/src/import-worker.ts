// Worker thread of `zfxxgk import <dir>`: reads one published report, imports it and validates
// the result, so that the main thread only writes files and prints. Files are imported one at a
// time, in the order they come, so that the pool's clock (import-pool.ts) times the right one.
import { parentPort } from "node:worker_threads";
import { importReport, MAX_PDF_BYTES } from "@zfxxgk/import";
import { validate } from "@zfxxgk/validator";
import type { ImportTask } from "./import-pool.js";
import { InputTooLarge, readFileBounded } from "./io.js";

// For the tests of the time limit only: a file whose name contains this never finishes, as an
// importer caught in a loop would not
const hangOn = process.env.ZFXXGK_TEST_IMPORT_HANG;

async function importOne({ id, file, options }: ImportTask): Promise<void> {
  let bytes: Buffer;
  try {
    // bounded like every other read of the CLI: size checked before and while reading
    bytes = readFileBounded(file, MAX_PDF_BYTES);
  } catch (e) {
    if (e instanceof InputTooLarge) return parentPort!.postMessage({ id, file, error: "too-large", limit: e.limit });
    return parentPort!.postMessage({ id, file, error: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  if (hangOn && file.includes(hangOn)) for (;;);
  try {
    const result = await importReport(bytes, options);
    const v = result.report ? validate(result.report, { locale: options.locale ?? "zh-CN" }) : null;
    parentPort!.postMessage({ id, file, result, valid: v?.valid ?? false, errors: v?.counts.error ?? 0 });
  } catch (e) {
    parentPort!.postMessage({ id, file, error: e instanceof Error ? e.message : String(e) });
  }
}

let queue = Promise.resolve();
parentPort!.on("message", (task: ImportTask) => {
  queue = queue.then(() => importOne(task));
});
