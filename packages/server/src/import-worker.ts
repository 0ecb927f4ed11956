// Worker thread of the import pool: one published report's bytes in, importReport's result (and
// the imported report's validation) out. It runs apart from the HTTP thread so that a slow or
// hostile file delays only its own request, and one that exhausts the worker's heap ends this
// thread, not the service.
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { importReport, type ImportOptions } from "@zfxxgk/import";
import { validate } from "@zfxxgk/validator";

// An operator may lower the imports' CPU priority (importNice) so that they yield the core to the
// HTTP thread: on Linux a thread's nice value is its own (setpriority on pid 0 is the calling
// thread). Off by default: on a machine busy with other work, niced imports starve and time out.
const nice = (workerData as { nice?: number } | null)?.nice ?? 0;
if (nice > 0) {
  try {
    setPriority(0, nice);
  } catch {
    // not permitted here: the imports keep the default priority
  }
}

parentPort!.on("message", async (m: { bytes: Uint8Array; options: ImportOptions }) => {
  try {
    const result = await importReport(m.bytes, m.options);
    if (!result.report) return parentPort!.postMessage({ ok: true, value: { imported: false, diagnostics: result.diagnostics } });
    const validation = validate(result.report, { locale: m.options.locale ?? "zh-CN" });
    // the response is serialised here: one string crosses to the HTTP thread, which only sends it
    const json = JSON.stringify({ ...result, validation });
    parentPort!.postMessage({ ok: true, value: { imported: true, failed: result.status === "failed", json } });
  } catch (e) {
    parentPort!.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
  }
});
