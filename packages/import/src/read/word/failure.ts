// Why a Word file could not be read, in both languages (word/messages.ts): readWord turns it into
// the importer's failure result (reason unreadable or too-large), never a throw.
import { LocalisedError } from "@zfxxgk/i18n";
import { wordMessage, type WordMessageKey } from "./messages.js";

export class WordFailure extends LocalisedError<"unreadable" | "too-large"> {
  constructor(code: "unreadable" | "too-large", key: WordMessageKey, vars: Record<string, string | number>) {
    super(code, LocalisedError.text(wordMessage(key), vars));
  }
}
