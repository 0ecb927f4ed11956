import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findProgram, missingProgramMessage } from "./index.js";
import { convertWithLibreOffice, programForTests } from "./testing.js";

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
    expect(() => programForTests("soffice", { ...missing, ZFXXGK_REQUIRE_SYSTEM: "1" })).toThrow(
      /ZFXXGK_REQUIRE_SYSTEM=1: soffice is not installed.*libreoffice-writer-nogui/,
    );
  });
});

describe("convertWithLibreOffice", () => {
  const soffice = programForTests("soffice");
  it.skipIf(!soffice)(
    "converts a file as an office suite's Save As does, and says why when it cannot",
    async () => {
      const out = mkdtempSync(join(tmpdir(), "zfxxgk-lo-out-"));
      const html = join(out, "a.html");
      writeFileSync(html, "<html><body><p>政府信息公开</p><table><tr><td>1</td></tr></table></body></html>");
      const docx = convertWithLibreOffice(soffice!, html, "docx:MS Word 2007 XML", out);
      expect(docx.endsWith("a.docx")).toBe(true);
      expect(readFileSync(docx).subarray(0, 2).toString()).toBe("PK");
      expect(() => convertWithLibreOffice(soffice!, join(out, "missing.html"), "docx", out)).toThrow(/soffice --convert-to docx failed/);
    },
    400_000,
  );
});
