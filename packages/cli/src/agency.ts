// The agency kinds and levels an aggregate report may name, as the edition models list them
// (from the schema's enums): a new kind or level in a schema update reaches --kind, --level and
// their help with no change here. Loaded only by `aggregate`, so that start-up never reads a model.
import { editionModel, editions } from "@zfxxgk/edition";

// over every edition: which edition the members follow is known only once they are read
const union = (pick: (a: { kinds: string[]; levels: string[] }) => string[]) => [
  ...new Set(editions.flatMap((e) => pick(editionModel(e).agency))),
];

export const agencyKinds: readonly string[] = union((a) => a.kinds);
export const agencyLevels: readonly string[] = union((a) => a.levels);

/** The usage problem of --kind and --level (a message key of i18n.ts and its vars), or undefined. */
export function agencyProblem(kind: string, level: string): { key: string; vars: Record<string, string> } | undefined {
  if (!agencyKinds.includes(kind)) return { key: "badKind", vars: { choices: agencyKinds.join(", ") } };
  if (!agencyLevels.includes(level)) return { key: "badLevel", vars: { choices: agencyLevels.join(", ") } };
  return undefined;
}
