// Real inputs for the server's tests: the repository's example report and its corpus.
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";

export const root = join(import.meta.dirname, "../../../..");
export const reportText = readFileSync(join(root, "examples/tacheng-2024/report.json"), "utf8");
export const report = JSON.parse(reportText) as Record<string, unknown>;
export const pdf = readFileSync(join(root, "corpus/pdf/01-huaian-city-2024.pdf"));
export const page2019 = readFileSync(join(root, "corpus/raw/03-pingtan-2019.page.html"));

/** Sends raw bytes on a socket and resolves to everything the server wrote back before closing. */
export function rawRequest(
  port: number,
  chunks: (string | Buffer)[],
  options: { pauseMs?: number; timeoutMs?: number } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let out = "";
    const timer = setTimeout(
      () => (socket.destroy(), reject(new Error(`no answer within ${options.timeoutMs ?? 10_000} ms`))),
      options.timeoutMs ?? 10_000,
    );
    socket.on("data", (d) => (out += d.toString("utf8")));
    socket.on("error", () => {}); // a reset after the answer is the server closing, not a failure
    socket.on("close", () => (clearTimeout(timer), resolve(out)));
    socket.on("connect", async () => {
      for (const c of chunks) {
        if (socket.destroyed) break;
        socket.write(c);
        if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
      }
    });
  });
}

export const statusOf = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);

/** A response's JSON body, as the loosely typed value a test inspects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const j = (r: Response): Promise<any> => r.json();
