// zfxxgk serve through the real bin: it listens on loopback, answers, and on SIGTERM finishes
// and exits 0; bad usage exits 2 with a message naming the option.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../../..");
const bin = resolve(import.meta.dirname, "../bin/zfxxgk.js");
const report = readFileSync(join(root, "examples/tacheng-2024/report.json"));

describe("zfxxgk serve", () => {
  it("serves on 127.0.0.1, guards /v1 with the tokens file, and stops cleanly on SIGTERM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zfxxgk-serve-"));
    writeFileSync(join(dir, "tokens"), "token-for-the-portal\n");
    const child = spawn(
      process.execPath,
      [bin, "serve", "--port", "0", "--tokens-file", join(dir, "tokens"), "--locale", "en", "--import-workers", "1"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let err = "";
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    const address = await new Promise<string>((resolve, reject) => {
      child.stderr.on("data", (d) => {
        err += d;
        const m = /serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
        if (m) resolve(m[1]!);
      });
      child.on("exit", () => reject(new Error(err)));
    });
    const refused = await fetch(`${address}/v1/validate`, {
      method: "POST",
      body: report,
      headers: { "content-type": "application/json" },
    });
    expect(refused.status).toBe(401);
    const r = await fetch(`${address}/v1/validate`, {
      method: "POST",
      body: report,
      headers: { "content-type": "application/json", authorization: "Bearer token-for-the-portal" },
    });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { valid: boolean }).valid).toBe(true);
    const code = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await code).toBe(0);
    expect(err).toMatch(/stopped/);
    // pino lines with request ids, and nothing of the report
    const lines = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.some((l) => l.reqId && l.res?.statusCode === 200)).toBe(true);
    expect(out).not.toContain("塔城");
    expect(out).not.toContain("token-for-the-portal");
  });

  it("bad usage exits 2 and names the option", () => {
    const port = spawnSync(process.execPath, [bin, "serve", "--port", "http", "--locale", "en"], { encoding: "utf8" });
    expect(port.status).toBe(2);
    expect(port.stderr).toContain("--port");
    const tokens = spawnSync(process.execPath, [bin, "serve", "--port", "0", "--tokens-file", "/nonexistent/tokens", "--locale", "en"], {
      encoding: "utf8",
    });
    expect(tokens.status).toBe(2);
    expect(tokens.stderr).toMatch(/tokens file/);
  });
});
