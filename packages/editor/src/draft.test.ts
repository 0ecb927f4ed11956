import { describe, expect, it } from "vitest";
import { DRAFT_KEY, loadDraft, saveDraft, type KeyValueStore } from "./draft.js";

function memory(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe("the draft", () => {
  it("comes back as it was saved", () => {
    const s = memory();
    const report = { edition: "2021", year: 2024, applications: { newReceived: { naturalPerson: "x" } } };
    expect(saveDraft(s, report, new Date("2025-01-02T03:04:05Z"))).toBe(true);
    expect(loadDraft(s)).toEqual({ report, savedAt: "2025-01-02T03:04:05.000Z" });
  });
  it("is none when missing or damaged", () => {
    const s = memory();
    expect(loadDraft(s)).toBeNull();
    s.data.set(DRAFT_KEY, "{not json");
    expect(loadDraft(s)).toBeNull();
    s.data.set(DRAFT_KEY, JSON.stringify({ report: [1], savedAt: "x" }));
    expect(loadDraft(s)).toBeNull();
  });
  it("says so when storage refuses", () => {
    const full: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(saveDraft(full, { edition: "2021" })).toBe(false);
  });
});
