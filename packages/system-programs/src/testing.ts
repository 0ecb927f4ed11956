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

// One LibreOffice user profile per process, made on first use and removed at exit: calls within a
// process run one after another (spawnSync), and processes running side by side (vitest workers,
// several packages) each have their own, so none locks another. Reusing it spares every call
// LibreOffice's first-start set-up, the slowest part of a conversion.
let profile: string | null = null;
function profileDir(): string {
  if (profile) return profile;
  const dir = mkdtempSync(join(tmpdir(), "zfxxgk-lo-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  profile = dir;
  return dir;
}

/**
 * Converts a file with LibreOffice headless (`soffice --convert-to`), as an office worker's
 * "Save as" would, and returns the path of the result.
 */
export function convertWithLibreOffice(soffice: string, input: string, to: string, outDir: string, timeoutMs = 300_000): string {
  const run = spawnSync(
    soffice,
    [
      `-env:UserInstallation=${pathToFileURL(profileDir()).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      to,
      "--outdir",
      outDir,
      input,
    ],
    {
      encoding: "utf8",
      timeout: timeoutMs,
    },
  );
  const out = join(outDir, `${basename(input).replace(/\.[^.]*$/, "")}.${to.split(":")[0]}`);
  if (run.status !== 0 || !existsSync(out)) {
    const why = run.error ? run.error.message : `${run.status ?? run.signal}: ${run.stderr || run.stdout}`;
    throw new Error(`soffice --convert-to ${to} failed (${why})`);
  }
  return out;
}
