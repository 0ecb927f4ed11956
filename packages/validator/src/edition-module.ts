// An edition as the validator runs it: the generated code (ajv's schema validator, the cell
// reader) joined with the edition's model (@zfxxgk/edition: cells, labels, compiled rules), once
// per edition at load. The label paths are joined into strings here, as issues carry them.
import { editionModel, LABEL_SEPARATOR, type Cell as ModelCell, type CompiledRule, type EditionModel } from "@zfxxgk/edition";
import { editions as generatedCode, type EditionCode } from "../generated/index.js";

/** A table cell as issues name it: the model's cell, its label path joined into one string. */
export interface Cell extends Pick<ModelCell, "pointer" | "path" | "kind"> {
  labelPath: string;
}

export interface EditionModule extends EditionCode {
  cells: Cell[];
  /** pointer → label path, for tables, blocks, rows, groups and cells */
  nodes: Record<string, string>;
  rules: CompiledRule[];
  /** pointers of the fields the schema marks deprecated */
  deprecated: string[];
}

/** The module of an edition from its generated code and its model (a published edition's, or a test edition's). */
export function moduleOf(code: EditionCode, model: EditionModel): EditionModule {
  if (code.edition !== model.edition || code.cellCount !== model.cells.length) {
    throw new Error(`the validator's generated code of edition ${code.edition} does not match the edition model: run \`npm run generate\``);
  }
  return {
    ...code,
    cells: model.cells.map((c) => ({ pointer: c.pointer, path: c.path, labelPath: c.labelPath.join(LABEL_SEPARATOR), kind: c.kind })),
    nodes: Object.fromEntries(Object.entries(model.nodes).map(([p, path]) => [p, path.join(LABEL_SEPARATOR)])),
    rules: model.rules,
    deprecated: model.deprecated,
  };
}

/** Every edition the validator knows, by name. */
export const modules: Record<string, EditionModule> = Object.fromEntries(
  Object.entries(generatedCode).map(([edition, code]) => [edition, moduleOf(code, editionModel(edition))]),
);
