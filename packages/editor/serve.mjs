// A static file server for dist/ on localhost (node:http): `npm run serve` for people, and the
// browser tests and bench.mjs start one on a free port. Never listens beyond 127.0.0.1.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
};

/** @returns {Promise<{ url: string, close: () => Promise<void> }>} */
export function serveDir(dir, port = 0) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((ok) =>
    server.listen(port, "127.0.0.1", () => {
      const { port: p } = /** @type {import("node:net").AddressInfo} */ (server.address());
      ok({ url: `http://127.0.0.1:${p}/`, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 5178);
  const { url } = await serveDir(fileURLToPath(new URL("./dist/", import.meta.url)), port);
  console.log(`zfxxgk editor: ${url} (Ctrl+C to stop)`);
}
