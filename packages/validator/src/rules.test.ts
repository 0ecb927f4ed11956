// Each rule of rules/<edition>.json has a good and a bad fixture (packages/schema/rules/fixtures):
// the bad one must raise exactly the issues it lists, the good one none.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "@zfxxgk/schema";
import { validate } from "./index.js";
import { schemaDir } from "./test-support/paths.js";
import { readJson, setAt } from "./test-support/report.js";

const fixtureSets = (["2021", "2019"] as const).map((edition) => {
  const dir = join(schemaDir, "rules/fixtures", edition);
  return { edition, dir, files: readdirSync(dir).filter((f) => /\.(good|bad)\.json$/.test(f)) };
});

function build(dir: string, fixture: any) {
  const base = readJson(join(dir, fixture.base));
  const report = structuredClone(base);
  for (const [p, v] of Object.entries(fixture.set)) setAt(report, p, v);
  let previous;
  if (fixture.previous) {
    previous = structuredClone(base);
    for (const [p, v] of Object.entries(fixture.previous.set)) setAt(previous, p, v);
  }
  return { report, previous };
}

const key = (i: { code: string; pointer: string }) => `${i.code} ${i.pointer}`;

describe.each(fixtureSets)("rules of the $edition edition", ({ edition, dir, files }) => {
  const ruleSet = rules[edition].rules;

  it("every rule has a good and a bad fixture, and every fixture names a rule", () => {
    const expected = ruleSet.flatMap((r) => [`${r.id}.bad.json`, `${r.id}.good.json`]).sort();
    expect([...files].sort()).toEqual(expected);
  });

  describe.each(files)("fixture %s", (file) => {
    const fixture = readJson(join(dir, file));
    const rule = ruleSet.find((r) => r.id === fixture.rule)!;

    it("gives exactly the issues it expects", () => {
      const { report, previous } = build(dir, fixture);
      expect(report.edition).toBe(edition);
      const result = validate(report, { previous });
      const listed = (i: { code: string; pointer: string }) => fixture.expect.some((e: any) => key(e) === key(i));
      const got = result.issues.filter((i) => i.severity !== "info" || listed(i));
      expect(got.map(key).sort()).toEqual(fixture.expect.map(key).sort());
      for (const e of fixture.expect) {
        const issue = result.issues.find((i) => key(i) === key(e))!;
        expect(issue.severity).toBe(e.severity ?? ruleSet.find((r) => r.id === e.code)!.severity);
      }
    });

    if (file.endsWith(".bad.json")) {
      it(`raises ${fixture.rule} with its labelled cell, in both languages`, () => {
        const { report, previous } = build(dir, fixture);
        const zh = validate(report, { previous }).issues.find((i) => i.code === rule.id)!;
        const en = validate(report, { previous, locale: "en" }).issues.find((i) => i.code === rule.id)!;
        expect(zh.labelPath).toMatch(/[\u4e00-\u9fff]/);
        // the format's labels are Chinese in both languages; only the message is translated
        if (/^\/(proactiveDisclosure|applications|reviewAndLitigation)\//.test(zh.pointer)) expect(en.labelPath).toBe(zh.labelPath);
        expect(zh.message).toMatch(/[\u4e00-\u9fff]{4}/);
        expect(en.message).toMatch(/\b[a-z]{4,}\b/);
        expect(en.message).not.toBe(zh.message);
        if (rule.check.kind === "sum" && zh.severity !== "info") {
          expect(zh.expected).toEqual(expect.any(Number));
          expect(zh.actual).toEqual(expect.any(Number));
          expect(zh.message).toContain(String(zh.actual));
          expect(zh.message).toContain(String(zh.expected));
          expect(zh.cells!.length).toBeGreaterThan(1);
        }
      });
    }
  });
});
