// Why a Word file could not be read, with a message key of word/messages.ts: readWord turns it
// into the importer's failure result (reason unreadable or too-large), never a throw.
import type { WordMessageKey } from "./messages.js";

export class WordFailure extends Error {
  constructor(
    readonly code: "unreadable" | "too-large",
    readonly key: WordMessageKey,
    readonly vars: Record<string, string | number>,
  ) {
    super(key);
    this.name = "WordFailure";
  }
}
