// The draft in the browser's storage: written on every change, read when the page opens, so a
// closed tab loses nothing. Storage is passed in so that the logic runs without a browser.
export const DRAFT_KEY = "zfxxgk-editor:draft:v1";

export interface Draft {
  report: Record<string, unknown>;
  savedAt: string;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** false when the storage refused (private mode, quota): the page says the draft is not saved. */
export function saveDraft(store: KeyValueStore, report: Record<string, unknown>, now: Date = new Date()): boolean {
  try {
    store.setItem(DRAFT_KEY, JSON.stringify({ report, savedAt: now.toISOString() } satisfies Draft));
    return true;
  } catch {
    return false;
  }
}

/** The saved draft, or null when there is none or it is not one (a damaged entry is ignored). */
export function loadDraft(store: KeyValueStore): Draft | null {
  let raw: string | null;
  try {
    raw = store.getItem(DRAFT_KEY);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const d = JSON.parse(raw) as Partial<Draft>;
    if (d && typeof d.report === "object" && d.report !== null && !Array.isArray(d.report) && typeof d.savedAt === "string")
      return d as Draft;
  } catch {
    // fall through: a damaged draft is as good as none
  }
  return null;
}
