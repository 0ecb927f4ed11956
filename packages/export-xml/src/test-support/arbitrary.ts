// fast-check arbitraries of whole reports, read off the JSON Schema itself (not off the
// exporter's vocabulary code): every member, optional ones present or not, in schema order.
// Text goes beyond the schema's text rule on purpose: markup and hostile strings must survive too.
import fc from "fast-check";
import { reportSchemas, type Edition } from "@zfxxgk/schema";

/** Every code point XML 1.0 allows (tab, LF, CR, and the ranges without controls, surrogates, U+FFFE/U+FFFF). */
export const xmlChar = fc
  .oneof(
    fc.constantFrom(0x9, 0xa, 0xd),
    fc.integer({ min: 0x20, max: 0xd7ff }),
    fc.integer({ min: 0xe000, max: 0xfffd }),
    fc.integer({ min: 0x10000, max: 0x10ffff }),
  )
  .map((cp) => String.fromCodePoint(cp));

/** Strings an attacker or a careless source might put into a report's text. */
export const hostile = [
  "<",
  "&",
  ">",
  "]]>",
  '"',
  "'",
  "\t",
  "\r",
  "\n",
  "\r\n",
  "\u2028",
  "\u2029",
  "\u0085",
  "\u00a0",
  "\ufeff",
  "\u3000",
  "😀",
  "𠀀",
  " ",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "</paragraph><paragraph>injected",
  '<naturalPerson xsi:nil="true"/>',
  "<![CDATA[x]]>",
  "<!-- c -->",
  '<?xml version="1.0"?>',
  '<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
  "&amp;",
  "&#x41;",
  "&#0;",
  "&lt;",
  "{{constructor}}",
  "{{{raw}}}",
  "{{> group}}",
  "__proto__",
];

const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((cp) => String.fromCodePoint(cp));

/** Text from the whole allowed character set, weighted toward Chinese and hostile pieces. */
export const text = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: cjk },
      { weight: 3, arbitrary: fc.constantFrom(...hostile) },
      { weight: 2, arbitrary: xmlChar },
      { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
export const count = fc.oneof(
  fc.constant(null),
  fc.constant(0),
  fc.nat({ max: 1000 }),
  fc.integer({ min: 0, max: MAX_SAFE }),
  fc.constant(MAX_SAFE),
);

/**
 * Amounts as agencies write them (万元 with up to 8 decimals, up to the schema's maximum), plus
 * the seed's awkward ones. Doubles of any size are tested separately: libxml2 checks decimals of
 * at most 24 digits, which a value like 1.2e-10 exceeds.
 */
export const amount = fc.oneof(
  fc.constant(null),
  fc.constantFrom(0, 0.1, 0.2, 0.30000000000000004, 24252.311082, 96171.6, 1211, 1e15, 1e-8),
  fc.tuple(fc.integer({ min: 0, max: 1e15 }), fc.integer({ min: 0, max: 8 })).map(([m, k]) => m / 10 ** k),
);

const date = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function deref(schema: any, node: any): { node: any; def?: string } {
  if (!node.$ref) return { node };
  const def = node.$ref.replace("#/$defs/", "");
  const { $ref, ...own } = node;
  return { node: { ...deref(schema, schema.$defs[def]).node, ...own }, def };
}

export interface ReportArbitraryOptions {
  /** Default 2021. */
  edition?: Edition;
  /** Every optional member present (default: each one at random). */
  allPresent?: boolean;
  text?: fc.Arbitrary<string>;
  amount?: fc.Arbitrary<number | null>;
  maxItems?: number;
}

type Options = Required<Omit<ReportArbitraryOptions, "edition">> & { schema: any };

function arbitraryOf(raw: any, o: Options): fc.Arbitrary<unknown> {
  const { node, def } = deref(o.schema, raw);
  if (def === "count") return count;
  if (def === "amount") return o.amount;
  const types = [node.type].flat();
  if (types.includes("null")) return fc.oneof(fc.constant(null), arbitraryOf({ ...node, type: types.filter((t) => t !== "null") }, o));
  if (node.properties) {
    const model = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, arbitraryOf(v, o)]));
    // reports come from JSON.parse: plain objects, never null-prototype ones
    return fc.record(model, { requiredKeys: o.allPresent ? Object.keys(model) : (node.required ?? []), noNullPrototype: true });
  }
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum) return fc.constantFrom(...node.enum);
  const type = types[0];
  switch (type) {
    case "object": {
      const key = node.propertyNames?.pattern ? fc.stringMatching(new RegExp(node.propertyNames.pattern)) : text;
      return fc
        .uniqueArray(fc.tuple(key, arbitraryOf(node.additionalProperties, o)), {
          selector: (e) => e[0],
          maxLength: o.maxItems,
          minLength: o.allPresent ? 1 : 0,
        })
        .map((entries) => Object.fromEntries(entries));
    }
    case "array":
      return fc.array(arbitraryOf(node.items, o), { maxLength: o.maxItems, minLength: o.allPresent ? 1 : 0 });
    case "integer":
      return fc.oneof(
        fc.constantFrom(node.minimum ?? 0, node.maximum ?? MAX_SAFE),
        fc.integer({ min: node.minimum ?? 0, max: node.maximum ?? MAX_SAFE }),
      );
    case "number":
      return fc.oneof(
        amount.filter((n) => n !== null),
        amount.filter((n) => n !== null).map((n) => -n!),
      );
    case "boolean":
      return fc.boolean();
    case "string": {
      if (node.format === "date") return date;
      if (node.format === "email") return fc.emailAddress();
      if (def === "text") {
        const p = node.pattern && !node.pattern.startsWith("^") ? new RegExp(node.pattern) : undefined;
        return p ? o.text.filter((s) => p.test(s)) : o.text;
      }
      if (node.pattern) return fc.stringMatching(new RegExp(node.pattern));
      return o.text;
    }
    default:
      throw new Error(`no arbitrary for ${JSON.stringify(raw)}`);
  }
}

export function reportArbitrary({ edition = "2021", ...options }: ReportArbitraryOptions = {}): fc.Arbitrary<any> {
  const schema = reportSchemas[edition];
  return arbitraryOf(schema, { allPresent: false, text, amount, maxItems: 3, ...options, schema });
}
