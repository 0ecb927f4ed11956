// data/vocabulary.json is a copy of docs/format-rows.json's aliases and blank tokens: every
// one it lists is accepted; and the 2019 table 二 the importer reads (labels["2019"] of
// @zfxxgk/schema) is format-rows.json's.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { labels } from "@zfxxgk/schema";
import { model } from "./labels.js";
import { vocabulary } from "./vocabulary.js";
import { repoRoot } from "./test-support/paths.js";

const rowsFile = JSON.parse(readFileSync(join(repoRoot, "docs/format-rows.json"), "utf8"));

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
        {
          caption: b.caption,
          columns: Object.fromEntries(b.columns.map((c: any) => [c.key, c.label])),
          rows: Object.fromEntries(b.rows.map((r: any) => [r.key, r.label])),
        },
      ]),
    );
    const l = labels["2019"].proactiveDisclosure;
    expect(l.blocks).toEqual(blocks);
    expect(l.labelColumnHeader).toBe(v.labelColumnHeader);
    // and the importer's model of it: the same rows and columns, in print order
    const m = model("2019").table2.blocks;
    expect(m.map((b) => [b.key, b.columns.map((c) => c.label.text), b.rows.map((r) => r.label.text)])).toEqual(
      v.blocks.map((b: any) => [b.key, b.columns.map((c: any) => c.label), b.rows.map((r: any) => r.label)]),
    );
    // what each cell holds, from the schema: format-rows.json's types (a decimal with no unit in
    // its header prints the unit in the cell)
    const kindOf = (c: any) =>
      c.type === "signed integer" ? "signed" : c.type === "integer>=0" ? "count" : c.unit === null ? "money" : "amount";
    expect(m.map((b) => b.columns.map((c) => c.kind))).toEqual(v.blocks.map((b: any) => b.columns.map(kindOf)));
  });
});
