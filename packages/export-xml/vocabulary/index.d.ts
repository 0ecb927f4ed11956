// Types of vocabulary/index.js (plain JS, shared with generators/xsd).
export interface Vocabulary {
  /** With {edition} in place of the edition, e.g. urn:zfxxgk:annual-report:{edition}. */
  namespace: string;
  root: string;
  renamed: Record<string, string>;
  itemNames: Record<string, string>;
  maps: Record<string, { item: string; keyAttribute: string }>;
  notInXsd: Record<string, string>;
}
export declare const vocabulary: Vocabulary;
export declare function namespaceOf(edition: string): string;
export declare class VocabularyError extends Error {}

type SchemaNode = Record<string, any>;
interface ShapeBase {
  /** Where in the schema the shape comes from (JSON pointer), e.g. /$defs/applicantRow. */
  location: string;
  /** The $defs entry the node refers to, if any. */
  def: string | undefined;
  /** The node's keywords merged over those of its $defs entry. */
  schema: SchemaNode;
}
export interface Member {
  key: string;
  element: string;
  required: boolean;
  /** The property's own schema node (before $ref is followed). */
  schema: SchemaNode;
  location: string;
  shape: Shape;
}
export interface ObjectShape extends ShapeBase {
  kind: "object";
  members: Member[];
  byElement: Map<string, Member>;
}
export interface ListShape extends ShapeBase {
  kind: "list";
  item: string;
  of: Shape;
}
export interface MapShape extends ShapeBase {
  kind: "map";
  item: string;
  keyAttribute: string;
  keySchema: SchemaNode;
  of: Shape;
}
export interface LeafShape extends ShapeBase {
  kind: "string" | "integer" | "decimal" | "boolean";
  nillable: boolean;
}
export type Shape = ObjectShape | ListShape | MapShape | LeafShape;
export declare function shapeOf(schema: SchemaNode): ObjectShape;
