// Each edition's XML form, compiled once from @zfxxgk/schema by the shared vocabulary.
import { editions as schemaEditions, reportSchemas, type Edition } from "@zfxxgk/schema";
import { namespaceOf, shapeOf, vocabulary, type ObjectShape } from "../vocabulary/index.js";

export interface XmlEdition {
  edition: Edition;
  namespace: string;
  shape: ObjectShape;
}

const byEdition = new Map<string, XmlEdition>(
  schemaEditions.map((edition) => [edition, { edition, namespace: namespaceOf(edition), shape: shapeOf(reportSchemas[edition]) }]),
);
const byNamespace = new Map([...byEdition.values()].map((e) => [e.namespace, e]));

/** Editions with an XML vocabulary, e.g. ["2021"]. */
export const xmlEditions: readonly string[] = [...byEdition.keys()];
export const rootElement: string = vocabulary.root;

export const editionOf = (edition: unknown): XmlEdition | undefined => (typeof edition === "string" ? byEdition.get(edition) : undefined);
export const editionOfNamespace = (ns: string | null): XmlEdition | undefined => (ns === null ? undefined : byNamespace.get(ns));
