// zfxxgk: parses the command line and hands over to a command. Commands are thin: the work is
// done by the @zfxxgk packages, so that an integrator can do in code what the CLI does.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { createRequire } from "node:module";
// commands load on first use (lazy-commands.ts): start-up pays only for the command run
import {
  aggregateCommand,
  diffCommand,
  fillCommand,
  flattenCommand,
  importCommand,
  lazyHelp,
  migrateCommand,
  renderCommand,
  serveCommand,
  validateCommand,
} from "./lazy-commands.js";
import type { Localised } from "@zfxxgk/i18n";
import { help } from "./help.js";
import { localeChoices, pickLocale, say, type Locale } from "./i18n.js";
import { EXIT, processIo, setMessageLocale, WriteError, type Io } from "./io.js";

export {
  validateCommand,
  fillCommand,
  renderCommand,
  importCommand,
  aggregateCommand,
  diffCommand,
  flattenCommand,
  migrateCommand,
  serveCommand,
};
export { parseReportBytes, readReport, readReportFile, ReadError, firstInvalidUtf8 } from "./read-report.js";
export type { Io } from "./io.js";

const version = (createRequire(import.meta.url)("../package.json") as { version: string }).version;

type Values = Record<string, string | boolean | undefined>;
/** A usage error: a message key of i18n.ts, with the vars its message needs. */
type Usage = string | { key: string; vars: Record<string, string> };
interface Command {
  options: NonNullable<ParseArgsConfig["options"]>;
  help: Localised | (() => Promise<Localised>);
  /** the command reads no input files (serve) */
  noInputs?: true;
  /** The usage error, or undefined when the arguments are usable (async where it loads data to check against). */
  check?: (positionals: string[], values: Values) => Usage | undefined | Promise<Usage | undefined>;
  run: (positionals: string[], values: Values, locale: Locale, io: Io) => Promise<number>;
}

const common = { locale: { type: "string" }, help: { type: "boolean", short: "h" } } as const;
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

const commands: Record<string, Command> = {
  validate: {
    options: { ...common, json: { type: "boolean" }, verbose: { type: "boolean" }, previous: { type: "string" } },
    help: help.validate!,
    run: (inputs, v, locale, io) =>
      validateCommand(
        { inputs, json: v.json === true, verbose: v.verbose === true, locale, ...(str(v.previous) ? { previous: str(v.previous)! } : {}) },
        io,
      ),
  },
  fill: {
    options: { ...common, output: { type: "string", short: "o" } },
    help: help.fill!,
    check: (p) => (p.length > 1 ? "fillOne" : undefined),
    run: (p, v, locale, io) => fillCommand({ input: p[0]!, locale, ...(str(v.output) ? { output: str(v.output)! } : {}) }, io),
  },
  render: {
    options: {
      ...common,
      format: { type: "string", short: "f" },
      fragment: { type: "boolean" },
      output: { type: "string", short: "o" },
      force: { type: "boolean" },
    },
    help: lazyHelp.render!,
    check: (p) => (p.length > 1 ? "renderOne" : undefined),
    run: (p, v, locale, io) =>
      renderCommand(
        {
          input: p[0]!,
          fragment: v.fragment === true,
          force: v.force === true,
          locale,
          ...(str(v.format) ? { format: str(v.format)! } : {}),
          ...(str(v.output) ? { output: str(v.output)! } : {}),
        },
        io,
      ),
  },
  import: {
    options: {
      ...common,
      output: { type: "string", short: "o" },
      format: { type: "string", default: "auto" },
      json: { type: "boolean" },
      "json-diagnostics": { type: "boolean" },
      timeout: { type: "string" },
    },
    help: lazyHelp.import!,
    check: (p, v) =>
      p.length > 1
        ? "importOne"
        : v.timeout !== undefined && !(Number(v.timeout) >= 1 && Number(v.timeout) <= 86400)
          ? "badTimeout"
          : undefined,
    run: (p, v, locale, io) =>
      importCommand(
        {
          input: p[0]!,
          format: str(v.format) as never,
          jsonDiagnostics: v.json === true || v["json-diagnostics"] === true,
          locale,
          ...(v.timeout !== undefined ? { timeout: Number(v.timeout) } : {}),
          ...(str(v.output) ? { output: str(v.output)! } : {}),
        },
        io,
      ),
  },
  aggregate: {
    options: {
      ...common,
      output: { type: "string", short: "o" },
      agency: { type: "string" },
      kind: { type: "string", default: "government" },
      level: { type: "string", default: "county" },
      year: { type: "string" },
      "include-invalid": { type: "boolean" },
      "allow-duplicates": { type: "boolean" },
      "allow-aggregates": { type: "boolean" },
    },
    help: lazyHelp.aggregate!,
    check: async (_p, v) => {
      if (!str(v.agency)) return "needAgency";
      // the kinds and levels are the edition models'; loaded here, never at start-up
      const agency = (await import("./agency.js")).agencyProblem(str(v.kind)!, str(v.level)!);
      if (agency) return agency;
      return v.year !== undefined && !/^\d{4}$/.test(str(v.year)!) ? "badYear" : undefined;
    },
    run: (inputs, v, locale, io) =>
      aggregateCommand(
        {
          inputs,
          agency: { name: str(v.agency)!, kind: str(v.kind) as never, level: str(v.level) as never },
          includeInvalid: v["include-invalid"] === true,
          allowDuplicates: v["allow-duplicates"] === true,
          allowAggregates: v["allow-aggregates"] === true,
          locale,
          ...(str(v.output) ? { output: str(v.output)! } : {}),
          ...(str(v.year) ? { year: Number(v.year) } : {}),
        },
        io,
      ),
  },
  diff: {
    options: { ...common, json: { type: "boolean" } },
    help: lazyHelp.diff!,
    check: (p) => (p.length !== 2 ? "diffTwo" : undefined),
    run: (p, v, locale, io) => diffCommand({ before: p[0]!, after: p[1]!, json: v.json === true, locale }, io),
  },
  flatten: {
    options: { ...common, format: { type: "string", default: "csv" }, output: { type: "string", short: "o" } },
    help: lazyHelp.flatten!,
    check: (_p, v) =>
      v.format !== "csv" && v.format !== "sqlite" ? "badFlatFormat" : v.format === "sqlite" && !str(v.output) ? "needOutput" : undefined,
    run: (inputs, v, locale, io) =>
      flattenCommand({ inputs, format: v.format as "csv" | "sqlite", locale, ...(str(v.output) ? { output: str(v.output)! } : {}) }, io),
  },
  migrate: {
    options: { ...common, to: { type: "string" }, output: { type: "string", short: "o" } },
    help: lazyHelp.migrate!,
    check: (p, v) => (p.length > 1 ? "migrateOne" : str(v.to) !== "2021" ? "needTo" : undefined),
    run: (p, v, locale, io) =>
      migrateCommand({ input: p[0]!, to: str(v.to)!, locale, ...(str(v.output) ? { output: str(v.output)! } : {}) }, io),
  },
  serve: {
    options: {
      ...common,
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "8080" },
      "tokens-file": { type: "string" },
      "import-workers": { type: "string" },
      "import-timeout": { type: "string" },
      "body-limit": { type: "string" },
      "upload-limit": { type: "string" },
      "max-in-flight": { type: "string" },
      "log-level": { type: "string", default: "info" },
    },
    help: lazyHelp.serve!,
    noInputs: true,
    check: (p, v) => serveUsage(p, v),
    run: (_p, v, locale, io) =>
      serveCommand(
        {
          host: str(v.host)!,
          port: Number(v.port),
          logLevel: str(v["log-level"])!,
          locale,
          ...(str(v["tokens-file"]) ? { tokensFile: str(v["tokens-file"])! } : {}),
          ...Object.fromEntries(
            (
              [
                ["import-workers", "importWorkers"],
                ["import-timeout", "importTimeout"],
                ["body-limit", "bodyLimit"],
                ["upload-limit", "uploadLimit"],
                ["max-in-flight", "maxInFlight"],
              ] as const
            )
              .filter(([o]) => v[o] !== undefined)
              .map(([o, k]) => [k, Number(v[o])]),
          ),
        },
        io,
      ),
  },
};

/** serve's arguments: no inputs, a port, positive numbers, a known log level. */
function serveUsage(p: string[], v: Values): string | undefined {
  if (p.length > 0) return "serveNoInput";
  if (!/^\d{1,5}$/.test(str(v.port) ?? "") || Number(v.port) > 65535) return "badPort";
  for (const o of ["import-workers", "import-timeout", "body-limit", "upload-limit", "max-in-flight"])
    if (v[o] !== undefined && !(Number(v[o]) > 0 && Number(v[o]) <= 1e6)) return "badNumber";
  if (!["info", "warn", "error", "silent"].includes(str(v["log-level"])!)) return "badLogLevel";
  return undefined;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  // the locale asked for, before the arguments are parsed: their errors are told in it too
  const at = rest.findIndex((a) => a === "--locale" || a.startsWith("--locale="));
  const asked = at < 0 ? undefined : rest[at]!.startsWith("--locale=") ? rest[at]!.slice(9) : rest[at + 1];
  const quickLocale = pickLocale(asked, io.env) ?? pickLocale(undefined, io.env) ?? "zh-CN";
  setMessageLocale(quickLocale);
  try {
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      io.stdout(help.main![quickLocale]);
      return name === undefined ? EXIT.unusable : EXIT.ok;
    }
    if (name === "--version" || name === "-v") {
      io.stdout(`${version}\n`);
      return EXIT.ok;
    }
    const command = Object.hasOwn(commands, name) ? commands[name]! : undefined;
    if (!command) {
      io.stderr(`${say("unknownCommand", quickLocale, { name })}\n\n${help.main![quickLocale]}`);
      return EXIT.unusable;
    }
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    } catch (e) {
      io.stderr(`${say("badOption", quickLocale, { detail: (e as Error).message })}\n${say("seeHelp", quickLocale, { command: name })}\n`);
      return EXIT.unusable;
    }
    const values = parsed.values as Values;
    const locale = pickLocale(str(values.locale), io.env);
    if (!locale) {
      io.stderr(`${say("badLocale", quickLocale, { choices: localeChoices })}\n${say("seeHelp", quickLocale, { command: name })}\n`);
      return EXIT.unusable;
    }
    setMessageLocale(locale);
    if (values.help) {
      io.stdout(typeof command.help === "function" ? (await command.help())[locale] : command.help[locale]);
      return EXIT.ok;
    }
    const problem = parsed.positionals.length === 0 && !command.noInputs ? "noInput" : await command.check?.(parsed.positionals, values);
    if (problem) {
      const text = typeof problem === "string" ? say(problem, locale) : say(problem.key, locale, problem.vars);
      io.stderr(`${text}\n${say("seeHelp", locale, { command: name })}\n`);
      return EXIT.unusable;
    }
    return await command.run(parsed.positionals, values, locale, io);
  } catch (e) {
    // an output that cannot be written is the user's situation, not our bug
    if (e instanceof WriteError) {
      io.stderr(`✖ ${e.message}\n`);
      return EXIT.unusable;
    }
    // a bug of ours, not the user's input: say so plainly, without a stack trace
    io.stderr(`${say("internal", quickLocale, { detail: e instanceof Error ? e.message : String(e) })}\n`);
    return 70;
  }
}

export type { Locale };
