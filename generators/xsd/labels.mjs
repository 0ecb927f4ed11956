// The format's labels by the JSON pointer of the element they name, and by column key for the
// cells of shared row types: the XSD's zh-CN documentation, read from the edition's model
// (generators/model).

export function labelIndex(model) {
  const columns = new Map();
  const tables = model.tables;
  const allColumns = [
    ...tables.proactiveDisclosure.blocks.flatMap((b) => b.columns),
    ...tables.applications.columns,
    ...tables.reviewAndLitigation.columns,
  ];
  for (const { key, label } of allColumns) {
    if (columns.has(key) && columns.get(key) !== label) throw new Error(`column ${key} has two labels: ${columns.get(key)} / ${label}`);
    columns.set(key, label);
  }
  const headings = new Map(model.sections.map((s) => [`/${s.key}`, s.heading]));
  const cells = new Set(model.cells.map((c) => c.pointer));

  /** The label of the section, block, row or group at an instance pointer, if the format has one. */
  const labelAt = (pointer) => {
    if (headings.has(pointer)) return headings.get(pointer);
    if (cells.has(pointer) || !Object.hasOwn(model.nodes, pointer)) return undefined;
    return model.nodes[pointer].at(-1);
  };
  return { labelAt, columnLabel: (key) => columns.get(key) };
}
