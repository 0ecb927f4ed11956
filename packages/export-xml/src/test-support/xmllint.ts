// Runs the real xmllint (Debian libxml2-utils) against the committed XSD, many documents per
// run: one process for a whole batch keeps the property tests fast.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { programForTests } from "@zfxxgk/system-programs/testing";
import { xsdFile } from "./paths.js";

/** xmllint's path, or null outside CI when it is missing: the tests that need it skip then. */
export const xmllintPath = programForTests("xmllint");

export interface LintResult {
  index: number;
  valid: boolean;
  /** xmllint's messages about this document */
  messages: string;
}

/** Validates every document with `xmllint --noout --schema`; one verdict per document. */
export function xmllint(documents: string[], schema = xsdFile()): LintResult[] {
  const dir = mkdtempSync(join(tmpdir(), "zfxxgk-xml-"));
  try {
    const names = documents.map((doc, i) => {
      const name = `d${i}.xml`;
      writeFileSync(join(dir, name), doc);
      return name;
    });
    const run = spawnSync(xmllintPath ?? "xmllint", ["--noout", "--nonet", "--schema", schema, ...names], {
      cwd: dir,
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
    if (run.error) throw new Error(`xmllint could not run (${run.error.message}): install Debian's libxml2-utils`);
    const lines = run.stderr.split("\n");
    if (lines.some((l) => /failed to compile|Schemas parser error/.test(l))) throw new Error(`xmllint rejects the XSD:\n${run.stderr}`);
    return names.map((name, index) => {
      const mine = lines.filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name} `));
      const verdict = mine.find((l) => l === `${name} validates` || l === `${name} fails to validate` || l.startsWith(`${name} fails`));
      if (!verdict && !mine.length) throw new Error(`xmllint said nothing about ${name}:\n${run.stderr.slice(0, 2000)}`);
      return { index, valid: verdict === `${name} validates`, messages: mine.join("\n") };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The documents xmllint rejects, with its messages and the start of each document. */
export function invalidOnes(documents: string[], schema = xsdFile()): { index: number; messages: string }[] {
  return xmllint(documents, schema)
    .filter((r) => !r.valid)
    .map((r) => ({ index: r.index, messages: r.messages }));
}
