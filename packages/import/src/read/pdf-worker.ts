// Worker thread entry: reads one PDF at a time for pdf-worker-host.ts, which terminates this
// thread when the time limit passes.
import { parentPort } from "node:worker_threads";
import { ImportFailure } from "../errors.js";
import { pdfDocHere } from "./pdf-lines.js";

parentPort!.on("message", async ({ bytes, timeoutMs }: { bytes: Uint8Array; timeoutMs: number }) => {
  try {
    parentPort!.postMessage({ doc: await pdfDocHere(bytes, timeoutMs) });
  } catch (e) {
    const failure =
      e instanceof ImportFailure
        ? { code: e.code, message: e.message }
        : { code: "unreadable", message: e instanceof Error ? e.message : String(e) };
    parentPort!.postMessage({ failure });
  }
});
