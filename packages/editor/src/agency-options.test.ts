// The agency kind and level choices come from the schema (through the edition model): each value
// the schema allows must have its words in both languages, or the form would show a key.
import { describe, expect, it } from "vitest";
import { editionModel, editions } from "@zfxxgk/edition";
import { t, type MessageKey } from "./messages.js";

describe("agency choices", () => {
  it.each(editions)("%s: every kind and level the schema allows has its words in zh-CN and en", (edition) => {
    const { kinds, levels } = editionModel(edition).agency;
    expect(kinds).toEqual(["government", "department", "other"]);
    expect(levels).toHaveLength(5);
    for (const key of [...kinds.map((k) => `kind_${k}`), ...levels.map((l) => `level_${l}`)] as MessageKey[]) {
      for (const locale of ["zh-CN", "en"] as const) {
        const words = t(locale, key);
        expect(words, `${locale} ${key}`).toMatch(/\S/);
        expect(words).not.toBe(key);
      }
    }
  });
});
