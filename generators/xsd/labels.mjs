// The format's labels (labels/<edition>.json) by the JSON pointer of the element they name, and
// by column key for the cells of shared row types: the XSD's zh-CN documentation.

const get = (o, k) => (o && Object.hasOwn(o, k) ? o[k] : undefined);

export function labelIndex(labels) {
  const columns = new Map();
  const addColumns = (cols) => {
    for (const [k, label] of Object.entries(cols)) {
      if (columns.has(k) && columns.get(k) !== label) throw new Error(`column ${k} has two labels: ${columns.get(k)} / ${label}`);
      columns.set(k, label);
    }
  };
  for (const block of Object.values(labels.proactiveDisclosure.blocks)) addColumns(block.columns);
  addColumns(labels.applications.columns);
  addColumns(labels.reviewAndLitigation.columns);

  /** The label of the section, block, row or group at an instance pointer, if the format has one. */
  const labelAt = (pointer) => {
    const [section, ...rest] = pointer.split("/").slice(1);
    if (rest.length === 0) return get(get(labels.sections, section), "heading");
    switch (section) {
      case "proactiveDisclosure": {
        const block = get(labels.proactiveDisclosure.blocks, rest[0]);
        return rest.length === 1 ? get(block, "caption") : rest.length === 2 ? get(get(block, "rows"), rest[1]) : undefined;
      }
      case "applications":
        return get(labels.applications.rows, rest.join("."));
      case "reviewAndLitigation":
        return get(labels.reviewAndLitigation.groups, rest.join("."));
      default:
        return undefined;
    }
  };
  return { labelAt, columnLabel: (key) => columns.get(key) };
}
