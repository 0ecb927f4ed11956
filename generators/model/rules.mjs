// The rules (rules/<edition>.json) compiled against the edition's cells: every forEach expanded,
// every template substituted, every sum term turned into a cell index. Done once, here, for every
// package that checks or reads the rules.

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
    if (pointer.startsWith("/proactiveDisclosure/")) put(pointer.slice("/proactiveDisclosure/".length), path.slice(1).join(" › "));
    if (pointer.startsWith("/applications/")) put(pointer.slice("/applications/".length), path.slice(1).join(" › "));
    if (pointer.startsWith("/reviewAndLitigation/")) put(pointer.slice("/reviewAndLitigation/".length), path.slice(1).join(" › "));
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
      const vars = Object.fromEntries(Object.entries(binding).map(([k, v]) => [k, fragments.get(v) ?? v]));
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
    if (
      rule.fill &&
      !(rule.check.kind === "sum" && rule.check.op === "=" && instances.every((i) => i.actual.length === 1 && i.actual[0] >= 0))
    ) {
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
