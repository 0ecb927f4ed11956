// The two languages of every zfxxgk message, and how a message is filled in. Labels of the format
// stay Chinese whatever the locale: they are the standard's words.

export type Locale = "zh-CN" | "en";
export const locales: readonly Locale[] = ["zh-CN", "en"];

/** A text in both languages. */
export type Localised = Record<Locale, string>;
/** Message key → its text in both languages. */
export type Catalogue<K extends string = string> = Record<K, Localised>;

export const isLocale = (v: unknown): v is Locale => v === "zh-CN" || v === "en";

/** The locale asked for, or zh-CN (the format's own language) for anything else. */
export const localeOf = (v: unknown): Locale => (v === "en" ? "en" : "zh-CN");

/** Replaces {name} with vars[name]; a missing var stays visible rather than vanishing. */
export function format(template: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole));
}

/** A catalogue's message in a locale, filled in. */
export function say<K extends string>(
  catalogue: Catalogue<K>,
  key: K,
  locale: Locale,
  vars?: Readonly<Record<string, string | number>>,
): string {
  return format(catalogue[key][locale], vars);
}

/**
 * An error a user reads: a stable code for programs, the message in the caller's locale, and the
 * message in both languages for whoever shows it in the other.
 */
export class LocalisedError<C extends string = string> extends Error {
  readonly messages: Localised;
  constructor(
    readonly code: C,
    messages: Localised,
    readonly locale: Locale = "zh-CN",
    options?: { cause?: unknown },
  ) {
    super(messages[locale], options);
    this.name = new.target.name;
    this.messages = messages;
  }

  /** From a catalogue entry: both languages filled in with the same vars. */
  static text(template: Localised, vars?: Readonly<Record<string, string | number>>): Localised {
    return { "zh-CN": format(template["zh-CN"], vars), en: format(template.en, vars) };
  }
}
