// The commands, each loaded on first use, so that a command's start-up loads only what it uses:
// `zfxxgk validate` never loads the importer, the exporters or SQLite, and `--help` loads none.
// Same names and signatures as the command modules (their types only are imported here).
import type * as Aggregate from "./commands/aggregate.js";
import type * as Diff from "./commands/diff.js";
import type * as Fill from "./commands/fill.js";
import type * as Flatten from "./commands/flatten.js";
import type * as Import from "./commands/import.js";
import type * as Migrate from "./commands/migrate.js";
import type * as Render from "./commands/render.js";
import type * as Serve from "./commands/serve.js";
import type * as Validate from "./commands/validate.js";
import type { Localised } from "@zfxxgk/i18n";

type Fn<F extends (...a: never[]) => unknown> = (...a: Parameters<F>) => ReturnType<F>;

export const validateCommand: Fn<typeof Validate.validateCommand> = async (...a) =>
  (await import("./commands/validate.js")).validateCommand(...a);
export const fillCommand: Fn<typeof Fill.fillCommand> = async (...a) => (await import("./commands/fill.js")).fillCommand(...a);
export const renderCommand: Fn<typeof Render.renderCommand> = async (...a) => (await import("./commands/render.js")).renderCommand(...a);
export const importCommand: Fn<typeof Import.importCommand> = async (...a) => (await import("./commands/import.js")).importCommand(...a);
export const aggregateCommand: Fn<typeof Aggregate.aggregateCommand> = async (...a) =>
  (await import("./commands/aggregate.js")).aggregateCommand(...a);
export const diffCommand: Fn<typeof Diff.diffCommand> = async (...a) => (await import("./commands/diff.js")).diffCommand(...a);
export const flattenCommand: Fn<typeof Flatten.flattenCommand> = async (...a) =>
  (await import("./commands/flatten.js")).flattenCommand(...a);
export const migrateCommand: Fn<typeof Migrate.migrateCommand> = async (...a) =>
  (await import("./commands/migrate.js")).migrateCommand(...a);
export const serveCommand: Fn<typeof Serve.serveCommand> = async (...a) => (await import("./commands/serve.js")).serveCommand(...a);

type Help = () => Promise<Localised>;
/** --help texts that live beside their command's code */
export const lazyHelp: Record<string, Help> = {
  render: async () => (await import("./commands/render.js")).renderHelp,
  import: async () => (await import("./commands/import.js")).importHelp,
  aggregate: async () => (await import("./commands/aggregate.js")).aggregateHelp,
  diff: async () => (await import("./commands/diff.js")).diffHelp,
  flatten: async () => (await import("./commands/flatten.js")).flattenHelp,
  migrate: async () => (await import("./commands/migrate.js")).migrateHelp,
  serve: async () => (await import("./commands/serve.js")).serveHelp,
};
