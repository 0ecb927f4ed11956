// zfxxgk fill: reads a report, calls @zfxxgk/validator's fill, writes the result.
import { fillWithDetails, validate } from "@zfxxgk/validator";
import { say, type Locale } from "../i18n.js";
import { EXIT, writeOutput, type Io } from "../io.js";
import { readKnown } from "../read-inputs.js";

export interface FillArgs {
  input: string;
  output?: string;
  locale: Locale;
}

export async function fillCommand(args: FillArgs, io: Io): Promise<number> {
  const { locale } = args;
  const read = await readKnown(args.input, locale, io, (detail) => say("notReport", locale, { detail }));
  if (!read) return EXIT.unusable;
  const { value } = read;
  const { report, filled } = fillWithDetails(value);
  const text = `${JSON.stringify(report, null, 2)}\n`;
  if (args.output) {
    await writeOutput(args.output, text, locale, [args.input]);
  } else io.stdout(text);
  const after = validate(report, { locale });
  io.stderr(
    filled.length
      ? `${say("filled", locale, { n: filled.length })}\n${filled.map((p) => `  ${p}\n`).join("")}`
      : `${say("filledNone", locale)}\n`,
  );
  if (args.output) io.stderr(`${say("wrote", locale, { path: args.output })}\n`);
  const status = say(after.valid ? "valid" : "invalid", locale);
  io.stderr(`${say("afterFill", locale, { status, counts: say("counts", locale, after.counts) })}\n`);
  return EXIT.ok;
}
