// data/vocabulary.json and data/edition-2019.json are copies of shared/format/format-rows.json:
// every alias and blank token it lists is accepted, and the 2019 table 二 labels are the same.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { labels } from "@zfxxgk/schema";
import { edition2019, vocabulary } from "./vocabulary.js";
import { shared } from "./test-support/paths.js";

const rowsFile = JSON.parse(readFileSync(join(shared, "format/format-rows.json"), "utf8"));

describe("vocabulary", () => {
  it("has every alias of format-rows.json, keyed by a label the schema prints", () => {
    const all = JSON.stringify(labels["2021"]);
    for (const [label, aliases] of Object.entries(rowsFile.labelAliases)) {
      if (!Array.isArray(aliases)) continue; // the "normalisation" note
      expect(all).toContain(JSON.stringify(label).slice(1, -1));
      for (const a of aliases as string[]) {
        const alias = a.replace(/\s*\(.*\)$/, ""); // "规范性文件 (alias only in 2021 tables…)"
        expect(vocabulary.labelAliases[label]?.aliases, label).toContain(alias);
      }
    }
  });

  it("has every blank token format-rows.json has seen", () => {
    for (const t of rowsFile.blankTokensSeen as string[]) expect(vocabulary.blankTokens).toContain(t);
  });

  it("the 2019 table 二 is format-rows.json's version2019 table 二", () => {
    const v = rowsFile.version2019.table2;
    const blocks = Object.fromEntries(
      v.blocks.map((b: any) => [
        b.key,
        { caption: b.caption, columns: Object.fromEntries(b.columns.map((c: any) => [c.key, c.label])), rows: Object.fromEntries(b.rows.map((r: any) => [r.key, r.label])) },
      ]),
    );
    expect(edition2019.proactiveDisclosure.blocks).toEqual(blocks);
    expect(edition2019.proactiveDisclosure.labelColumnHeader).toBe(v.labelColumnHeader);
  });
});
