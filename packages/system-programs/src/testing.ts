// For tests that run a real system program. Outside CI a missing program skips those tests with
// one line naming the package to install; with ZFXXGK_REQUIRE_SYSTEM=1 (set by .ci/run) a missing
// program fails the run instead, so CI can never pass by skipping.
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
