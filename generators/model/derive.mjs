// One edition's structure, derived once from @zfxxgk/schema's data (schema + labels + rules):
// sections, the three tables with their blocks, rows, groups, spans and column sets, every cell
// with its pointer, kind, unit and label path, and the compiled rules. Every package and every
// other generator reads this model (packages/edition) instead of deriving structure itself.
import Ajv2020 from "ajv/dist/2020.js";
import { compileRules, fragmentLabels } from "./rules.mjs";

export const SEP = " › ";
export const TABLES = ["proactiveDisclosure", "applications", "reviewAndLitigation"];

// the schema's value cells are references to these definitions
const CELL_KINDS = { "#/$defs/count": "count", "#/$defs/amount": "amount", "#/$defs/signedCount": "signed" };
// the unit of a kind, as the format states it (amounts are 万元 throughout; counts are 件)
const UNITS = { count: null, signed: null, amount: "万元" };

export function deref(schema, node) {
  let n = node;
  for (let hops = 0; n?.$ref; hops++) {
    if (hops > 32) throw new Error(`schema: $ref cycle at ${node.$ref}`);
    n = n.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce((x, k) => x?.[k], schema);
  }
  return n;
}

/**
 * Visits every property under the schema's root (outside arrays) with its pointer, its own node
 * and the node it refers to; `visit` returning false stops the descent there.
 */
function eachProperty(schema, visit) {
  const walk = (node, pointer, depth) => {
    if (depth > 8 || !node) return;
    const n = deref(schema, node);
    if (pointer && visit(pointer, node, n) === false) return;
    for (const [k, child] of Object.entries(n?.properties ?? {})) walk(child, `${pointer}/${k}`, depth + 1);
  };
  walk(schema, "", 0);
}

/** Every pointer under the schema's root whose node is a table cell → its kind. */
export function schemaCells(schema) {
  const out = new Map();
  eachProperty(schema, (pointer, node) => {
    const kind = CELL_KINDS[node.$ref];
    if (kind) out.set(pointer, kind);
    return !kind;
  });
  return out;
}

/** Pointers of the schema's properties marked `deprecated: true` (outside arrays). */
export function deprecatedPointers(schema) {
  const out = [];
  eachProperty(schema, (pointer, node, n) => {
    if (node.deprecated === true || n?.deprecated === true) out.push(pointer);
  });
  return out;
}

/** Keys of a dotted-key map (row or group labels) with the structure the dots give them. */
function tree(map) {
  const keys = Object.keys(map);
  const isGroup = (k) => keys.some((o) => o.startsWith(`${k}.`));
  const leaves = keys.filter((k) => !isGroup(k));
  const depth = Math.max(...keys.map((k) => k.split(".").length));
  const leafCount = (g) => leaves.filter((k) => k.startsWith(`${g}.`)).length;
  const labelsOf = (k) => k.split(".").map((_, i, parts) => map[parts.slice(0, i + 1).join(".")]);
  return { keys, isGroup, leaves, depth, leafCount, labelsOf };
}

function structure(labels, kindOf) {
  const cells = [];
  const rows = [];
  const nodes = new Map(); // pointer → label path, for tables, blocks, rows, groups and cells
  const s = labels.sections;
  const sections = Object.entries(s).map(([key, sec]) => {
    nodes.set(`/${key}`, [sec.table ?? sec.heading]);
    return { key, number: sec.number, heading: sec.heading, table: sec.table ?? null, kind: TABLES.includes(key) ? "table" : "text" };
  });
  const addCell = (c) => {
    const kind = kindOf(c.pointer);
    const cell = { index: cells.length, pointer: c.pointer, path: c.pointer.split("/").slice(1), ...c, kind, unit: UNITS[kind] };
    cells.push(cell);
    nodes.set(cell.pointer, cell.labelPath);
    return cell.index;
  };
  const addRow = (row) => {
    rows.push(row);
    nodes.set(row.pointer, row.labelPath);
    return row;
  };

  // 表二: blocks of rows, each block with its own columns; the widest block sets the width and a
  // narrower block's last column stretches over the rest, as the format prints it
  const p = labels.proactiveDisclosure;
  const t2 = s.proactiveDisclosure.table;
  const widest = Math.max(...Object.values(p.blocks).map((b) => Object.keys(b.columns).length));
  let t2Row = 0;
  const blocks = Object.entries(p.blocks).map(([blockKey, b]) => {
    const blockPointer = `/proactiveDisclosure/${blockKey}`;
    const blockPath = [t2, b.caption];
    nodes.set(blockPointer, blockPath);
    const colKeys = Object.keys(b.columns);
    const columns = colKeys.map((key, i) => ({ key, label: b.columns[key], colspan: i === colKeys.length - 1 ? widest - i : 1 }));
    const blockRows = Object.entries(b.rows).map(([rowKey, rowLabel]) => {
      const pointer = `${blockPointer}/${rowKey}`;
      const labelPath = [...blockPath, rowLabel];
      const gridRow = t2Row++;
      const rowCells = columns.map((c, col) =>
        addCell({
          pointer: `${pointer}/${c.key}`,
          table: "proactiveDisclosure",
          row: pointer,
          column: c.key,
          labelPath: [...labelPath, c.label],
          rowGroups: [b.caption],
          rowLabel,
          columnGroups: [],
          columnLabel: c.label,
          gridRow,
          gridCol: col,
        }),
      );
      return addRow({
        table: "proactiveDisclosure",
        key: `${blockKey}.${rowKey}`,
        path: [blockKey, rowKey],
        pointer,
        label: rowLabel,
        labelPath,
        block: blockKey,
        cells: rowCells,
      });
    });
    // what a column holds, from the schema of the block's rows (they share their columns)
    for (const c of columns) {
      c.kind = cells[blockRows[0].cells[colKeys.indexOf(c.key)]].kind;
      c.unit = UNITS[c.kind];
      c.labelShowsUnit = c.unit !== null && c.label.includes(c.unit);
    }
    return { key: blockKey, caption: b.caption, pointer: blockPointer, labelPath: blockPath, columns, rows: blockRows };
  });
  const proactiveDisclosure = {
    caption: t2,
    heading: s.proactiveDisclosure.heading,
    labelColumnHeader: p.labelColumnHeader,
    width: widest + 1,
    blocks,
  };

  // 表三: row labels keyed by dotted path; a key that others extend is a group cell spanning its
  // descendants' rows, a leaf above the deepest level spans the label columns below it
  const a = labels.applications;
  const t3 = s.applications.table;
  const rt = tree(a.rows);
  const columnGroupOf = (col) => a.columnGroups.find((g) => g.columns.includes(col))?.label ?? null;
  const aColumns = Object.entries(a.columns).map(([key, label]) => ({ key, label, group: columnGroupOf(key) }));
  const aGroups = rt.keys.filter(rt.isGroup).map((key) => {
    const path = key.split(".");
    const pointer = `/applications/${path.join("/")}`;
    const labelPath = [t3, ...rt.labelsOf(key)];
    nodes.set(pointer, labelPath);
    return { key, path, pointer, label: a.rows[key], labelPath, level: path.length, rowspan: rt.leafCount(key) };
  });
  const started = new Set();
  const aRows = rt.keys
    .filter((k) => !rt.isGroup(k))
    .map((key, gridRow) => {
      const path = key.split(".");
      const pointer = `/applications/${path.join("/")}`;
      const chain = rt.labelsOf(key);
      const labelPath = [t3, ...chain];
      const groupsStarting = [];
      for (let i = 1; i < path.length; i++) {
        const g = path.slice(0, i).join(".");
        if (!started.has(g)) {
          started.add(g);
          groupsStarting.push({ key: g, label: a.rows[g], rowspan: rt.leafCount(g) });
        }
      }
      const rowGroups = chain.slice(0, -1);
      const rowCells = aColumns.map((c, col) =>
        addCell({
          pointer: `${pointer}/${c.key}`,
          table: "applications",
          row: pointer,
          column: c.key,
          labelPath: [...labelPath, c.label],
          rowGroups,
          rowLabel: a.rows[key],
          columnGroups: c.group ? [a.columnGroupHeader, c.group] : [a.columnGroupHeader],
          columnLabel: c.label,
          gridRow,
          gridCol: col,
        }),
      );
      return addRow({
        table: "applications",
        key,
        path,
        pointer,
        label: a.rows[key],
        labelPath,
        rowGroups,
        groupsStarting,
        colspan: rt.depth - path.length + 1,
        cells: rowCells,
      });
    });
  for (const c of aColumns) c.kind = cells[aRows[0].cells[aColumns.indexOf(c)]].kind;
  const applications = {
    caption: t3,
    heading: s.applications.heading,
    headerNote: a.headerNote,
    columnGroupHeader: a.columnGroupHeader,
    columnGroups: a.columnGroups,
    columns: aColumns,
    depth: rt.depth,
    groups: aGroups,
    rows: aRows,
  };

  // 表四: groups keyed by dotted path (行政诉讼 › 未经复议直接起诉); each leaf group holds one value
  // per column, printed as one row of values, group after group
  const r = labels.reviewAndLitigation;
  const t4 = s.reviewAndLitigation.table;
  const gt = tree(r.groups);
  const rColumns = Object.entries(r.columns).map(([key, label]) => ({ key, label }));
  const rGroups = gt.keys.map((key) => {
    const path = key.split(".");
    const pointer = `/reviewAndLitigation/${path.join("/")}`;
    const labelPath = [t4, ...gt.labelsOf(key)];
    nodes.set(pointer, labelPath);
    const leaf = !gt.isGroup(key);
    return {
      key,
      path,
      pointer,
      label: r.groups[key],
      labelPath,
      parent: path.length > 1 ? path.slice(0, -1).join(".") : null,
      leaf,
      colspan: (leaf ? 1 : gt.leafCount(key)) * rColumns.length,
    };
  });
  let t4Col = 0;
  const rRows = rGroups
    .filter((g) => g.leaf)
    .map((g) => {
      const groupLabels = gt.labelsOf(g.key);
      const rowCells = rColumns.map((c) =>
        addCell({
          pointer: `${g.pointer}/${c.key}`,
          table: "reviewAndLitigation",
          row: g.pointer,
          column: c.key,
          labelPath: [...g.labelPath, c.label],
          rowGroups: [],
          rowLabel: "",
          columnGroups: groupLabels,
          columnLabel: c.label,
          gridRow: 0,
          gridCol: t4Col++,
        }),
      );
      return addRow({
        table: "reviewAndLitigation",
        key: g.key,
        path: g.path,
        pointer: g.pointer,
        label: g.label,
        labelPath: g.labelPath,
        cells: rowCells,
      });
    });
  for (const c of rColumns) c.kind = cells[rRows[0].cells[rColumns.indexOf(c)]].kind;
  const reviewAndLitigation = { caption: t4, heading: s.reviewAndLitigation.heading, columns: rColumns, groups: rGroups, rows: rRows };

  // a node's path is complete only once every node is known: cells were written as they came
  return { sections, tables: { proactiveDisclosure, applications, reviewAndLitigation }, rows, cells, nodes };
}

function checkRules(ruleSet, rulesSchema, edition) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  if (!ajv.validate(rulesSchema, ruleSet)) throw new Error(`rules/${edition}.json does not match rules.schema.json: ${ajv.errorsText()}`);
  const ids = ruleSet.rules.map((x) => x.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`rules/${edition}.json: rule id ${dup} is used twice`);
}

const enumAt = (schema, ...keys) => {
  let n = schema;
  for (const k of keys) n = deref(schema, n)?.properties?.[k];
  return deref(schema, n)?.enum ?? [];
};

/**
 * The model of one edition. Throws, naming the files, when schema, labels and rules disagree:
 * a cell only one of them knows, a rule naming a cell that does not exist.
 */
export function buildModel({ schema, labels, rules, rulesSchema }) {
  const edition = labels.edition;
  if (rulesSchema) checkRules(rules, rulesSchema, edition);
  const fromSchema = schemaCells(schema);
  const kindOf = (pointer) => fromSchema.get(pointer) ?? null;
  const m = structure(labels, kindOf);
  const fromLabels = new Set(m.cells.map((c) => c.pointer));
  const onlySchema = [...fromSchema.keys()].filter((p) => !fromLabels.has(p));
  const onlyLabels = [...fromLabels].filter((p) => !fromSchema.has(p));
  if (onlySchema.length || onlyLabels.length) {
    throw new Error(
      `labels/${edition}.json and the schema disagree. Cells only in the schema: ${onlySchema.join(", ") || "none"}; ` +
        `only in the labels: ${onlyLabels.join(", ") || "none"}`,
    );
  }
  const compiled = compileRules(rules, m.cells, fragmentLabels(labels, m.nodes));
  return {
    edition,
    schemaId: schema.$id,
    source: labels.source,
    sections: m.sections,
    tables: m.tables,
    rows: m.rows,
    cells: m.cells,
    nodes: Object.fromEntries([...m.nodes].map(([p, path]) => [p, path])),
    sets: rules.sets,
    rules: compiled,
    deprecated: deprecatedPointers(schema),
    agency: { kinds: enumAt(schema, "agency", "kind"), levels: enumAt(schema, "agency", "level") },
  };
}
