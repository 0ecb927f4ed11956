// The golden files: the seed report rendered now must be byte-for-byte what golden/ holds (they
// change only through scripts/update-golden.mjs), and every one passes html-validate.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { goldenCases, updateHint } from "../scripts/golden-cases.mjs";
import { renderHtml } from "./index.js";
import { repoRoot } from "./test-support/seed.js";

const goldenDir = join(import.meta.dirname, "../golden");
const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });

function firstDifference(actual: string, expected: string): string {
  const a = actual.split("\n");
  const e = expected.split("\n");
  const i = a.findIndex((line, n) => line !== e[n]);
  const at = i < 0 ? a.length : i;
  return (
    `first difference at line ${at + 1}:\n  now:    ${JSON.stringify(a[at] ?? "(end of file)").slice(0, 300)}\n` +
    `  golden: ${JSON.stringify(e[at] ?? "(end of file)").slice(0, 300)}`
  );
}

describe.each(goldenCases)("golden/$file", ({ file, report, options }) => {
  const path = join(goldenDir, file);

  it("matches what renderHtml writes now", () => {
    expect(existsSync(path), `golden/${file} is missing: ${updateHint}`).toBe(true);
    const golden = readFileSync(path, "utf8");
    const actual = renderHtml(JSON.parse(readFileSync(join(repoRoot, report), "utf8")), options);
    expect(
      actual === golden,
      `golden/${file} differs from the output: if the change is intended, ${updateHint}.\n${firstDifference(actual, golden)}`,
    ).toBe(true);
  });

  it("passes html-validate (recommended rules)", async () => {
    const result = await validator.validateString(readFileSync(path, "utf8"), path);
    const messages = result.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect(messages).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe("golden/", () => {
  it("holds exactly the files the update script writes", () => {
    expect(readdirSync(goldenDir).sort()).toEqual(goldenCases.map((c) => c.file).sort());
  });

  it("html-validate catches what it should (the check is live)", async () => {
    const broken = readFileSync(join(goldenDir, goldenCases[0]!.file), "utf8").replace('<th scope="col">', '<th scope="col"><th>');
    expect((await validator.validateString(broken, "broken.html")).valid).toBe(false);
  });
});
