// Worker thread of `zfxxgk import <dir>`: reads one published report, imports it and validates
// the result, so that the main thread only writes files and prints.
import { parentPort } from "node:worker_threads";
import { importReport, MAX_PDF_BYTES } from "@zfxxgk/import";
import { validate } from "@zfxxgk/validator";
import type { ImportTask } from "./import-pool.js";
import { InputTooLarge, readFileBounded } from "./io.js";

parentPort!.on("message", async ({ id, file, options }: ImportTask) => {
  let bytes: Buffer;
  try {
    // bounded like every other read of the CLI: size checked before and while reading
    bytes = readFileBounded(file, MAX_PDF_BYTES);
  } catch (e) {
    if (e instanceof InputTooLarge) return parentPort!.postMessage({ id, file, error: "too-large", limit: e.limit });
    return parentPort!.postMessage({ id, file, error: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  try {
    const result = await importReport(bytes, options);
    const v = result.report ? validate(result.report, { locale: options.locale ?? "zh-CN" }) : null;
    parentPort!.postMessage({ id, file, result, valid: v?.valid ?? false, errors: v?.counts.error ?? 0 });
  } catch (e) {
    parentPort!.postMessage({ id, file, error: e instanceof Error ? e.message : String(e) });
  }
});
