// One Chromium (the system's, found by @zfxxgk/system-programs, through playwright-core) and one static server of
// dist/ per test file; each test gets a fresh context, so its localStorage starts empty.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromiumArgs } from "@zfxxgk/system-programs";
import { programForTests } from "@zfxxgk/system-programs/testing";
import { chromium, type Browser } from "playwright-core";
// @ts-expect-error plain JS module without types
import { serveDir } from "../../serve.mjs";

export const distDir = fileURLToPath(new URL("../../dist/", import.meta.url));
export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
export const seedPath = `${repoRoot}examples/tacheng-2024/report.json`;

/** Null when no Chromium is installed (outside CI): browser tests skip then. */
export const chromiumPath = programForTests("chromium");

export async function start(): Promise<{ browser: Browser; url: string; stop: () => Promise<void> }> {
  if (!existsSync(`${distDir}index.html`)) throw new Error("packages/editor/dist is missing: run `npm run build` in packages/editor first");
  const server = (await serveDir(distDir)) as { url: string; close: () => Promise<void> };
  const browser = await chromium.launch({
    executablePath: chromiumPath!,
    args: [...chromiumArgs],
  });
  return {
    browser,
    url: server.url,
    stop: async () => {
      await browser.close();
      await server.close();
    },
  };
}
