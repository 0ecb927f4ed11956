// zfxxgk: parses the command line and hands over to a command. Commands are thin: the work is
// done by the @zfxxgk packages, so that an integrator can do in code what the CLI does.
import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import { fillCommand } from "./commands/fill.js";
import { validateCommand } from "./commands/validate.js";
import { help } from "./help.js";
import { pickLocale, say, type Locale } from "./i18n.js";
import { EXIT, processIo, type Io } from "./io.js";

export { validateCommand, fillCommand };
export { parseReportBytes, readReport, ReadError, firstInvalidUtf8 } from "./read-report.js";
export type { Io } from "./io.js";

const version = (createRequire(import.meta.url)("../package.json") as { version: string }).version;

const options = {
  validate: {
    json: { type: "boolean" },
    verbose: { type: "boolean" },
    previous: { type: "string" },
    locale: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
  fill: {
    output: { type: "string", short: "o" },
    locale: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
} as const;

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  const quickLocale = pickLocale(undefined, io.env) ?? "zh-CN";
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      const l = pickLocale(rest.includes("--locale") ? rest[rest.indexOf("--locale") + 1] : undefined, io.env) ?? quickLocale;
      io.stdout(help.main![l]);
      return command === undefined ? EXIT.unusable : EXIT.ok;
    }
    if (command === "--version" || command === "-v") {
      io.stdout(`${version}\n`);
      return EXIT.ok;
    }
    if (!(command in options)) {
      io.stderr(`${say("unknownCommand", quickLocale, { name: command })}\n\n${help.main![quickLocale]}`);
      return EXIT.unusable;
    }
    const name = command as keyof typeof options;
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: options[name], allowPositionals: true, strict: true });
    } catch (e) {
      io.stderr(`${say("badOption", quickLocale, { detail: (e as Error).message })}\n${say("seeHelp", quickLocale, { command: name })}\n`);
      return EXIT.unusable;
    }
    const values = parsed.values as Record<string, string | boolean | undefined>;
    const locale = pickLocale(values.locale as string | undefined, io.env);
    if (!locale) {
      io.stderr(`${say("badLocale", quickLocale)}\n${say("seeHelp", quickLocale, { command: name })}\n`);
      return EXIT.unusable;
    }
    if (values.help) {
      io.stdout(help[name]![locale]);
      return EXIT.ok;
    }
    const usage = (key: string) => {
      io.stderr(`${say(key, locale)}\n${say("seeHelp", locale, { command: name })}\n`);
      return EXIT.unusable;
    };
    if (parsed.positionals.length === 0) return usage("noInput");
    if (name === "validate") {
      return await validateCommand(
        {
          inputs: parsed.positionals,
          json: values.json === true,
          verbose: values.verbose === true,
          locale,
          ...(typeof values.previous === "string" ? { previous: values.previous } : {}),
        },
        io,
      );
    }
    if (parsed.positionals.length > 1) return usage("fillOne");
    return await fillCommand(
      { input: parsed.positionals[0]!, locale, ...(typeof values.output === "string" ? { output: values.output } : {}) },
      io,
    );
  } catch (e) {
    // a bug of ours, not the user's input: say so plainly, without a stack trace
    io.stderr(`${say("internal", quickLocale, { detail: e instanceof Error ? e.message : String(e) })}\n`);
    return 70;
  }
}

export type { Locale };
