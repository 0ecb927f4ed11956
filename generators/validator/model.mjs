// The edition's cells, label paths and rule instances, derived from @zfxxgk/schema's data.
// Kept apart from generate.mjs so that the derivation can be read (and tested) without the
// code writer around it.

const SEP = " › ";

/** Every table cell of the edition in print order, with its label path. */
export function cellsOf(labels) {
  const cells = [];
  const nodes = new Map(); // pointer → label path (tables, blocks, rows, groups, cells)
  const sections = labels.sections;
  for (const [key, s] of Object.entries(sections)) nodes.set(`/${key}`, [s.table ?? s.heading]);

  // 表二: block caption › row › column
  const t2 = labels.proactiveDisclosure;
  const t2name = sections.proactiveDisclosure.table;
  for (const [blockKey, block] of Object.entries(t2.blocks)) {
    const blockPath = [t2name, block.caption];
    nodes.set(`/proactiveDisclosure/${blockKey}`, blockPath);
    for (const [rowKey, rowLabel] of Object.entries(block.rows)) {
      const rowPointer = `/proactiveDisclosure/${blockKey}/${rowKey}`;
      nodes.set(rowPointer, [...blockPath, rowLabel]);
      for (const [colKey, colLabel] of Object.entries(block.columns)) {
        cells.push({ pointer: `${rowPointer}/${colKey}`, labelPath: [...blockPath, rowLabel, colLabel] });
      }
    }
  }

  // 表三: row labels nest (三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密) › column
  const t3 = labels.applications;
  const t3name = sections.applications.table;
  const rowPaths = Object.keys(t3.rows);
  const isGroup = (p) => rowPaths.some((q) => q.startsWith(`${p}.`));
  for (const rowPath of rowPaths) {
    const parts = rowPath.split(".");
    const labelPath = [t3name, ...parts.map((_, i) => t3.rows[parts.slice(0, i + 1).join(".")])];
    const rowPointer = `/applications/${parts.join("/")}`;
    nodes.set(rowPointer, labelPath);
    if (isGroup(rowPath)) continue;
    for (const [colKey, colLabel] of Object.entries(t3.columns)) {
      cells.push({ pointer: `${rowPointer}/${colKey}`, labelPath: [...labelPath, colLabel] });
    }
  }

  // 表四: 行政复议 | 行政诉讼 › 未经复议直接起诉 | 复议后起诉, then the result columns
  const t4 = labels.reviewAndLitigation;
  const t4name = sections.reviewAndLitigation.table;
  const groupKeys = Object.keys(t4.groups);
  for (const groupKey of groupKeys) {
    const parts = groupKey.split(".");
    const labelPath = [t4name, ...parts.map((_, i) => t4.groups[parts.slice(0, i + 1).join(".")])];
    const groupPointer = `/reviewAndLitigation/${parts.join("/")}`;
    nodes.set(groupPointer, labelPath);
    if (groupKeys.some((k) => k.startsWith(`${groupKey}.`))) continue;
    for (const [colKey, colLabel] of Object.entries(t4.columns)) {
      cells.push({ pointer: `${groupPointer}/${colKey}`, labelPath: [...labelPath, colLabel] });
    }
  }
  for (const c of cells) nodes.set(c.pointer, c.labelPath);
  return { cells, nodes };
}

function deref(schema, node) {
  while (node && node.$ref) {
    const path = node.$ref.replace(/^#\//, "").split("/");
    node = path.reduce((n, k) => n[k], schema);
  }
  return node;
}

const CELL_KINDS = { "#/$defs/count": "count", "#/$defs/amount": "amount", "#/$defs/signedCount": "signed" };

/** Every pointer under the schema's root whose node is a table cell → its kind. */
export function schemaCells(schema) {
  const out = new Map();
  const walk = (node, pointer, depth) => {
    if (depth > 8) return;
    const kind = CELL_KINDS[node.$ref];
    if (kind) {
      out.set(pointer, kind);
      return;
    }
    const n = deref(schema, node);
    for (const [k, child] of Object.entries(n.properties ?? {})) walk(child, `${pointer}/${k}`, depth + 1);
  };
  walk(schema, "", 0);
  return out;
}

/** Label of each value a forEach variable can take: a column, row or group label. */
export function fragmentLabels(labels, nodes) {
  const map = new Map();
  const put = (key, label) => {
    const old = map.get(key);
    if (old !== undefined && old !== label) throw new Error(`fragment ${key} has two labels: ${old} / ${label}`);
    map.set(key, label);
  };
  for (const block of Object.values(labels.proactiveDisclosure.blocks)) {
    for (const [k, l] of Object.entries(block.rows)) put(k, l);
    for (const [k, l] of Object.entries(block.columns)) put(k, l);
  }
  for (const [k, l] of Object.entries(labels.applications.columns)) put(k, l);
  for (const [pointer, path] of nodes) {
    if (pointer.startsWith("/proactiveDisclosure/")) put(pointer.slice("/proactiveDisclosure/".length), path.slice(1).join(SEP));
    if (pointer.startsWith("/applications/")) put(pointer.slice("/applications/".length), path.slice(1).join(SEP));
    if (pointer.startsWith("/reviewAndLitigation/")) put(pointer.slice("/reviewAndLitigation/".length), path.slice(1).join(SEP));
  }
  for (const [k, l] of Object.entries(labels.reviewAndLitigation.columns)) put(k, l);
  return map;
}

/** Expands forEach into bindings: [{ col: "naturalPerson" }, …], cross product in key order. */
export function bindings(forEach, sets, allCells) {
  let out = [{}];
  for (const [name, setName] of Object.entries(forEach ?? {})) {
    const members = setName === "@cells" ? allCells : sets[setName];
    if (!members) throw new Error(`unknown set ${setName}`);
    out = out.flatMap((b) => members.map((m) => ({ ...b, [name]: m })));
  }
  return out;
}

export function substitute(template, binding) {
  return template.replace(/\{([a-z]+)\}/g, (_, name) => {
    if (!(name in binding)) throw new Error(`template ${template}: {${name}} is not bound`);
    return binding[name];
  });
}

/**
 * Compiles the rules to flat instances. Sum terms become cell indexes; a term of last year's
 * report is encoded as -(index + 1), so that one integer array carries both.
 */
export function compileRules(ruleSet, cells, fragments) {
  const index = new Map(cells.map((c, i) => [c.pointer, i]));
  const allCells = cells.map((c) => c.pointer);
  const cellIndex = (pointer, where) => {
    const i = index.get(pointer);
    if (i === undefined) throw new Error(`${where}: ${pointer} is not a table cell of the edition`);
    return i;
  };
  const terms = (list, binding, where) =>
    list.flatMap((term) => {
      if (typeof term === "string") return [cellIndex(substitute(term, binding), where)];
      const previous = term.year === "previous";
      const enc = (i) => (previous ? -(i + 1) : i);
      if ("ref" in term) return [enc(cellIndex(substitute(term.ref, binding), where))];
      return bindings(term.forEach, ruleSet.sets, allCells).map((inner) =>
        enc(cellIndex(substitute(term.sum, { ...binding, ...inner }), where)),
      );
    });
  return ruleSet.rules.map((rule) => {
    const instances = bindings(rule.forEach, ruleSet.sets, allCells).map((binding) => {
      const where = `rule ${rule.id}`;
      const vars = Object.fromEntries(
        Object.entries(binding).map(([k, v]) => [k, fragments.get(v) ?? v]),
      );
      const at = substitute(rule.at, binding);
      const c = rule.check;
      switch (c.kind) {
        case "sum":
          return { at, vars, actual: terms(c.actual, binding, where), expected: terms(c.expected, binding, where) };
        case "present":
          return { at, vars, cell: cellIndex(substitute(c.ref, binding), where) };
        case "deadline":
          return {
            at,
            vars,
            date: substitute(c.date, binding),
            year: substitute(c.year, binding),
            deadlines: c.deadlines,
          };
        case "creditCode":
        case "text":
          return { at, vars, ref: substitute(c.ref, binding) };
        default:
          throw new Error(`rule ${rule.id}: unknown check kind ${c.kind}`);
      }
    });
    if (rule.fill && !(rule.check.kind === "sum" && rule.check.op === "=" && instances.every((i) => i.actual.length === 1 && i.actual[0] >= 0))) {
      throw new Error(`rule ${rule.id}: fill needs op = and a single current-year actual cell`);
    }
    return {
      id: rule.id,
      severity: rule.severity,
      category: rule.category,
      kind: rule.check.kind,
      op: rule.check.op ?? null,
      fill: rule.fill === true,
      needsPrevious: instances.some((i) => [...(i.actual ?? []), ...(i.expected ?? [])].some((t) => t < 0)),
      title: rule.title,
      message: rule.message,
      instances,
    };
  });
}

export { SEP };

/** Pointers of the schema's properties marked `deprecated: true` (outside arrays). */
export function deprecatedPointers(schema) {
  const out = [];
  const walk = (node, pointer, depth) => {
    if (depth > 8 || !node) return;
    if (node.deprecated === true && pointer) out.push(pointer);
    const n = node.$ref ? node.$ref.replace(/^#\//, "").split("/").reduce((x, k) => x[k], schema) : node;
    if (n.deprecated === true && pointer && !out.includes(pointer)) out.push(pointer);
    for (const [k, child] of Object.entries(n.properties ?? {})) walk(child, `${pointer}/${k}`, depth + 1);
  };
  walk(schema, "", 0);
  return out;
}
