// Hostile and unlucky clients, on loopback: each gets its 4xx/5xx as problem+json (or the HTTP
// server's own 408), and the service then answers a plain request correctly.
import { request } from "node:http";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDeflateRaw, crc32 } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { createServer, readTokens, type ServerOptions, type ZfxxgkServer } from "./index.js";
import { pdf, rawRequest, reportText, statusOf } from "./test-support/fixtures.js";
import { j } from "./test-support/fixtures.js";

const started: ZfxxgkServer[] = [];
async function start(options: ServerOptions = {}): Promise<{ server: ZfxxgkServer; base: string; port: number }> {
  const server = createServer({ logger: false, importWorkers: 1, ...options });
  started.push(server);
  const base = await server.listen(0);
  return { server, base, port: Number(new URL(base).port) };
}
afterAll(async () => {
  for (const s of started.splice(0)) await s.close().catch(() => {});
});

const postReport = (base: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/v1/validate`, { method: "POST", body: reportText, headers: { "content-type": "application/json", ...headers } });

/** The service still works: a plain validation is answered in full. */
async function answersNext(base: string, headers: Record<string, string> = {}) {
  const r = await postReport(base, headers);
  expect(r.status).toBe(200);
  const body = await j(r);
  expect(body).toMatchObject({ valid: true, edition: "2021" });
}

const postPdf = (base: string) => fetch(`${base}/v1/import`, { method: "POST", body: pdf, headers: { "content-type": "application/pdf" } });

describe("imports on the worker pool", () => {
  it("a worker killed mid-import fails that request with 500, and the next import succeeds", async () => {
    const { server, base } = await start();
    const pending = postPdf(base);
    while (server.pool.busyWorkers().length === 0) await new Promise((r) => setTimeout(r, 5));
    await server.pool.busyWorkers()[0]!.terminate();
    const r = await pending;
    expect(r.status).toBe(500);
    expect((await j(r)).code).toBe("worker-failed");
    const again = await postPdf(base);
    expect(again.status).toBe(200);
    expect((await j(again)).report.agency.name).toBe("淮安市人民政府");
    expect(server.pool.replaced).toBe(1);
  });

  it("under V8 flags a worker may not be given (node --max-old-space-size=… zfxxgk serve), imports still run", async () => {
    const flags = process.execArgv;
    process.execArgv = [...flags, "--max-old-space-size=1024", "--stack-size=900"];
    try {
      const { base } = await start();
      const r = await postPdf(base);
      expect(r.status).toBe(200);
      expect((await j(r)).report.agency.name).toBe("淮安市人民政府");
    } finally {
      process.execArgv = flags;
    }
  });

  it("an import past its deadline gets 504 and its worker is replaced", async () => {
    const { server, base } = await start({ importTimeoutMs: 30 });
    const r = await postPdf(base);
    expect(r.status).toBe(504);
    expect((await j(r)).code).toBe("timeout");
    expect(server.pool.replaced).toBe(1);
    await answersNext(base);
  });

  it("when every worker is busy and the queue is full, 503 with Retry-After instead of waiting", async () => {
    const { base } = await start({ importQueue: 1 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => postPdf(base)));
    const statuses = answers.map((a) => a.status);
    // one running and one queued are taken; the rest arrive while both are held (an import lasts
    // far longer than five uploads on loopback), unless the first has already finished
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
    const refused = answers.filter((a) => a.status === 503);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const a of refused) {
      expect(a.headers.get("retry-after")).toMatch(/^\d+$/);
      expect((await j(a)).code).toBe("saturated");
    }
    await answersNext(base);
  });

  it("a zip bomb named .docx is refused without the service running out of memory", async () => {
    const { base } = await start({ importMemoryMb: 96 });
    const bomb = await zipBomb(512 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const form = new FormData();
    form.append(
      "file",
      new Blob([bomb], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }),
      "report.docx",
    );
    const r = await fetch(`${base}/v1/import`, { method: "POST", body: form });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    await answersNext(base);
  });
});

describe("bodies", () => {
  it("a 200 MB upload is refused with 413 before it is read, with or without a Content-Length", async () => {
    const { base, port } = await start({ uploadLimit: 16 * 1024 * 1024 });
    const rss = process.memoryUsage().rss;
    for (const withLength of [true, false]) {
      const { status, sent } = await upload(port, 200 * 1024 * 1024, withLength);
      expect(status).toBe(413);
      expect(sent).toBeLessThan(200 * 1024 * 1024);
    }
    expect(process.memoryUsage().rss - rss).toBeLessThan(120 * 1024 * 1024);
    await answersNext(base);
  });

  it("malformed multipart gets 400, and a second file 413", async () => {
    const { base } = await start();
    const type = "multipart/form-data; boundary=XYZ";
    const truncated = await fetch(`${base}/v1/import`, {
      method: "POST",
      body: '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 trunc',
      headers: { "content-type": type },
    });
    expect(truncated.status).toBe(400);
    expect((await j(truncated)).code).toBe("bad-multipart");
    const noBoundary = await fetch(`${base}/v1/import`, {
      method: "POST",
      body: "hello",
      headers: { "content-type": "multipart/form-data" },
    });
    expect([400, 415]).toContain(noBoundary.status);
    expect(noBoundary.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const form = new FormData();
    form.append("file", new Blob([pdf]), "a.pdf");
    form.append("file", new Blob([pdf]), "b.pdf");
    const two = await fetch(`${base}/v1/import`, { method: "POST", body: form });
    expect(two.status).toBe(413);
    expect((await j(two)).code).toBe("too-many-files");
    await answersNext(base);
  });

  it("wrong content types get 415 naming the type, in the language asked for", async () => {
    const { base } = await start();
    for (const [path, type] of [
      ["/v1/validate", "text/plain"],
      ["/v1/fill", "application/xml"],
      ["/v1/import", "application/json"],
      ["/v1/import", "image/png"],
    ] as const) {
      const r = await fetch(base + path, {
        method: "POST",
        body: path === "/v1/import" && type === "application/json" ? reportText : "x",
        headers: { "content-type": type, "accept-language": "en" },
      });
      expect(r.status, `${path} ${type}`).toBe(415);
      const p = await j(r);
      expect(p.code).toBe("unsupported-media-type");
      expect(r.headers.get("content-language")).toBe("en");
    }
    const none = await rawRequest(Number(new URL(base).port), [
      `POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
    ]);
    expect(statusOf(none)).toBe(415);
    await answersNext(base);
  });
});

describe("connections", () => {
  it("a client that sends its headers too slowly, or its body, gets 408 and is cut off", async () => {
    const { base, port } = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const slowHeaders = await rawRequest(
      port,
      ["POST /v1/validate HTTP/1.1\r\n", "Host: x\r\n", "X-A: 1\r\n", "X-B: 1\r\n", "X-C: 1\r\n"],
      { pauseMs: 200 },
    );
    expect(statusOf(slowHeaders)).toBe(408);
    const slowBody = await rawRequest(
      port,
      [
        `POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${reportText.length}\r\n\r\n`,
        reportText.slice(0, 10),
      ],
      { pauseMs: 50 },
    );
    expect(statusOf(slowBody)).toBe(408);
    await answersNext(base);
  });

  it("1,000 connections at once each get 200 or 503, and the next request is answered", async () => {
    const { base, port } = await start({ maxInFlight: 256 });
    const raw =
      `POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(reportText)}\r\nConnection: close\r\n\r\n${reportText}`;
    const answers = await Promise.all(Array.from({ length: 1000 }, () => rawRequest(port, [raw], { timeoutMs: 60_000 })));
    const statuses = answers.map(statusOf);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    await answersNext(base);
  });

  it("shutting down finishes the imports in flight, then refuses", async () => {
    const { server, base } = await start();
    const pending = postPdf(base);
    while (server.pool.busyWorkers().length === 0) await new Promise((r) => setTimeout(r, 5));
    const closed = server.close();
    const r = await pending;
    expect(r.status).toBe(200);
    await closed;
    await expect(postReport(base)).rejects.toThrow();
  });
});

describe("bearer tokens", () => {
  it("guard /v1 when a tokens file is given; health and the document stay open", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zfxxgk-tokens-"));
    writeFileSync(join(dir, "tokens"), "# portal\ns3cret-portal-token\n\nother-token\n");
    const { base } = await start({ tokens: await readTokens(join(dir, "tokens")) });
    const none = await postReport(base, { "accept-language": "en" });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await j(none)).code).toBe("unauthorized");
    expect((await postReport(base, { authorization: "Bearer s3cret-portal-tokeN" })).status).toBe(401);
    expect((await postReport(base, { authorization: "Basic czNjcmV0" })).status).toBe(401);
    // the router decodes the path: an encoded /v1 is the same route, and needs the token too
    for (const path of ["/%761/validate", "/v1/%76alidate", "//v1/validate", "/V1/validate"]) {
      const r = await fetch(`${base}${path}`, { method: "POST", body: reportText, headers: { "content-type": "application/json" } });
      expect([401, 404], path).toContain(r.status);
    }
    expect(
      (await fetch(`${base}/%761/validate`, { method: "POST", body: reportText, headers: { "content-type": "application/json" } })).status,
    ).toBe(401);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/openapi.json`)).status).toBe(200);
    await answersNext(base, { authorization: "Bearer other-token" });
    await answersNext(base, { authorization: "Bearer s3cret-portal-token" });
  });

  it("an empty tokens file is an error, not an open service", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zfxxgk-tokens-"));
    writeFileSync(join(dir, "tokens"), "# nothing yet\n");
    await expect(readTokens(join(dir, "tokens"))).rejects.toThrow(/no token/);
  });
});

/** Streams `total` bytes of a PDF-looking body and stops when the server answers. */
function upload(port: number, total: number, withLength: boolean): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/v1/import",
        headers: { "content-type": "application/pdf", ...(withLength ? { "content-length": total } : {}) },
      },
      (res) => {
        answered = true;
        res.resume();
        res.on("end", () => (req.destroy(), resolve({ status: res.statusCode!, sent })));
      },
    );
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

/** A .docx-named zip whose one entry inflates to `size` bytes of zeros. */
async function zipBomb(size: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (d: Buffer) => out.push(d));
  const done = new Promise((r) => deflate.on("end", r));
  const zeros = Buffer.alloc(1024 * 1024);
  let crc = 0;
  for (let i = 0; i < size / zeros.length; i++) {
    crc = crc32(zeros, crc);
    if (!deflate.write(zeros)) await new Promise((r) => deflate.once("drain", r));
  }
  deflate.end();
  await done;
  const data = Buffer.concat(out);
  const name = Buffer.from("word/document.xml");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size >>> 0, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size >>> 0, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}
