import type { Edition } from "./editions.js";

export type { Edition };
export declare const editions: readonly Edition[];
/** JSON Schema (draft 2020-12) of a report, per edition. */
export declare const reportSchemas: Record<Edition, Record<string, unknown>>;
/** Labels exactly as the format prints them, keyed like the schema, per edition. */
export declare const labels: Record<Edition, Labels>;
/** Consistency rules as data, per edition (see rules/rules.schema.json). */
export declare const rules: Record<Edition, RuleSet>;
export declare const rulesSchema: Record<string, unknown>;

export interface Localised {
  "zh-CN": string;
  en: string;
}
export interface Labels {
  edition: string;
  source: string;
  sections: Record<string, { number: string; heading: string; table?: string }>;
  proactiveDisclosure: {
    labelColumnHeader: string;
    blocks: Record<string, { caption: string; columns: Record<string, string>; rows: Record<string, string> }>;
  };
  applications: {
    headerNote: string;
    columnGroupHeader: string;
    columnGroups: { label: string; columns: string[] }[];
    columns: Record<string, string>;
    /** Keyed by row path with dots, e.g. results.denied.stateSecret; group headers included. */
    rows: Record<string, string>;
  };
  reviewAndLitigation: {
    groups: Record<string, string>;
    columns: Record<string, string>;
  };
}
export type Template = string;
export type Term =
  | Template
  | { ref: Template; year?: "current" | "previous" }
  | { sum: Template; forEach: Record<string, string>; year?: "current" | "previous" };
export type Check =
  | { kind: "sum"; op: "=" | "<="; actual: Term[]; expected: Term[] }
  | { kind: "present"; ref: Template }
  | {
      kind: "deadline";
      date: Template;
      year: Template;
      deadlines: { when?: Record<string, string[]>; monthDay: string }[];
    }
  | { kind: "creditCode"; ref: Template }
  | { kind: "text"; ref: Template };
export interface Rule {
  id: string;
  severity: "error" | "warning" | "info";
  category: "arithmetic" | "completeness" | "timeliness" | "identity" | "cross-year";
  title: Localised;
  forEach?: Record<string, string>;
  at: Template;
  check: Check;
  fill?: boolean;
  message: Localised;
}
export interface RuleSet {
  edition: string;
  sets: Record<string, string[]>;
  rules: Rule[];
}
