// Worker thread of the batch validator: reads and validates the runs of files the main thread
// sends (paths only), and sends back each run's output as one string and its counts.
import { parentPort, workerData } from "node:worker_threads";
import { checkFiles, type CheckOptions } from "./validate-file.js";

const options = workerData as CheckOptions;

parentPort!.on("message", ({ id, files }: { id: number; files: string[] }) => {
  try {
    parentPort!.postMessage({ id, result: checkFiles(files, options) });
  } catch (e) {
    parentPort!.postMessage({ id, crash: e instanceof Error ? e.message : String(e) });
  }
});
