import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findProgram, missingProgramMessage } from "./index.js";
import { programForTests } from "./testing.js";

const dir = mkdtempSync(join(tmpdir(), "zfxxgk-prog-"));
const fake = join(dir, "xmllint");
writeFileSync(fake, "#!/bin/sh\n");
chmodSync(fake, 0o755);
const notExecutable = join(dir, "pdftotext");
writeFileSync(notExecutable, "");

describe("findProgram", () => {
  it("takes the environment variable first", () => {
    expect(findProgram("xmllint", { XMLLINT_PATH: fake, PATH: "" })).toBe(fake);
  });
  it("does not fall back when the variable names something that cannot run", () => {
    expect(findProgram("xmllint", { XMLLINT_PATH: join(dir, "nothing"), PATH: dir })).toBeNull();
  });
  it("searches PATH, skipping files that are not executable", () => {
    expect(findProgram("xmllint", { PATH: `/nonexistent:${dir}` })).toBe(fake);
    const found = findProgram("pdftotext", { PATH: dir });
    expect(found).not.toBe(notExecutable);
  });
});

describe("programForTests", () => {
  const missing = { PATH: "", SOFFICE_PATH: join(dir, "no-soffice") };
  it("returns null and names the Debian package when a program is missing", () => {
    expect(programForTests("soffice", missing)).toBeNull();
    expect(missingProgramMessage("soffice", "en")).toContain("libreoffice-writer-nogui");
    expect(missingProgramMessage("chromium")).toContain("apt-get install chromium");
  });
  it("fails instead under ZFXXGK_REQUIRE_SYSTEM=1", () => {
    expect(() => programForTests("soffice", { ...missing, ZFXXGK_REQUIRE_SYSTEM: "1" })).toThrow(/ZFXXGK_REQUIRE_SYSTEM=1: soffice is not installed.*libreoffice-writer-nogui/);
  });
});
