// Worker thread of `zfxxgk import <dir>`: reads one published report, imports it and validates
// the result, so that the main thread only writes files and prints.
import { readFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { importReport } from "@zfxxgk/import";
import { validate } from "@zfxxgk/validator";
import type { ImportTask } from "./import-pool.js";

parentPort!.on("message", async ({ id, file, options }: ImportTask) => {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
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
