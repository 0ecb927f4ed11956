// Worker thread of the batch validator: validates the chunks of files the main thread sends.
import { parentPort, workerData } from "node:worker_threads";
import type { FormatOptions } from "./format-outcome.js";
import { checkFile, type Checked } from "./validate-file.js";

const options = workerData as FormatOptions & { previous: unknown };
const noStdin = async (): Promise<Uint8Array> => new Uint8Array();

parentPort!.on("message", async ({ id, files }: { id: number; files: string[] }) => {
  try {
    const results: Checked[] = [];
    for (const file of files) results.push(await checkFile(file, options, noStdin));
    parentPort!.postMessage({ id, results });
  } catch (e) {
    parentPort!.postMessage({ id, crash: e instanceof Error ? e.message : String(e) });
  }
});
