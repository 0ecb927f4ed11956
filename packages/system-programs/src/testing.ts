// For tests that run a real system program. Outside CI a missing program skips those tests with
// one line naming the package to install; with ZFXXGK_REQUIRE_SYSTEM=1 (set by .ci/run) a missing
// program fails the run instead, so CI can never pass by skipping.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { findProgram, missingProgramMessage, type ProgramName } from "./index.js";

const warned = new Set<ProgramName>();

/**
 * The program's path, or null when tests that need it should be skipped (a line on stderr says
 * which package to install). Throws when ZFXXGK_REQUIRE_SYSTEM=1 and the program is missing.
 */
export function programForTests(name: ProgramName, env: NodeJS.ProcessEnv = process.env): string | null {
  const path = findProgram(name, env);
  if (path) return path;
  const message = missingProgramMessage(name, "en");
  if (env.ZFXXGK_REQUIRE_SYSTEM === "1") throw new Error(`ZFXXGK_REQUIRE_SYSTEM=1: ${message}`);
  if (!warned.has(name)) {
    warned.add(name);
    process.stderr.write(`skipping tests that need ${name}: ${message}\n`);
  }
  return null;
}

/**
 * Converts a file with LibreOffice headless (`soffice --convert-to`), as an office worker's
 * "Save as" would, and returns the path of the result. Each call gets its own user profile, so
 * conversions running at the same time (vitest workers, several packages) do not lock each other.
 */
export function convertWithLibreOffice(soffice: string, input: string, to: string, outDir: string, timeoutMs = 120_000): string {
  const profile = mkdtempSync(join(tmpdir(), "zfxxgk-lo-"));
  try {
    const run = spawnSync(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", to, "--outdir", outDir, input], {
      encoding: "utf8",
      timeout: timeoutMs,
    });
    const out = join(outDir, `${basename(input).replace(/\.[^.]*$/, "")}.${to.split(":")[0]}`);
    if (run.status !== 0 || !existsSync(out)) throw new Error(`soffice --convert-to ${to} failed (${run.status ?? run.signal}): ${run.stderr || run.stdout}`);
    return out;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
