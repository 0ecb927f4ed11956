// Expands the command line's inputs: a file, "-" for stdin, or a directory (every .json in it,
// recursively). Directories are walked lazily, one directory's names at a time, in sorted order,
// so that a batch of any size starts at once and its memory does not grow with the reports.
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";

/** An entry of a directory that could not be walked: told per entry, and the walk goes on. */
export interface WalkProblem {
  path: string;
  /** "dirUnreadable" or "symlinkLoop" (i18n keys) */
  key: string;
  detail?: string;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Every .json file under dir. Symbolic links are followed, to files and to folders; a folder
 * already on the way down (a link back up) is skipped and told, so a loop ends.
 */
async function* walk(dir: string, problems: WalkProblem[], above: Set<string>): AsyncGenerator<string> {
  let entries;
  let real: string;
  try {
    real = await realpath(dir);
    entries = (await readdir(dir, { withFileTypes: true })).sort(byName);
  } catch (e) {
    problems.push({ path: dir, key: "dirUnreadable", detail: (e as NodeJS.ErrnoException).code ?? String(e) });
    return;
  }
  if (above.has(real)) {
    problems.push({ path: dir, key: "symlinkLoop" });
    return;
  }
  above.add(real);
  for (const e of entries) {
    const path = join(dir, e.name);
    const isJson = e.name.toLowerCase().endsWith(".json");
    if (e.isDirectory()) yield* walk(path, problems, above);
    else if (e.isFile() && isJson) yield path;
    else if (e.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      if (target?.isDirectory()) yield* walk(path, problems, above);
      // a dangling link named .json is read, and so reported as missing
      else if (isJson && (target === null || target.isFile())) yield path;
    }
  }
  above.delete(real);
}

export interface Inputs {
  /** true when an argument is a directory: a batch, worth worker threads */
  hasDirectory: boolean;
  files: AsyncIterable<string>;
  /** directories that held no .json file; complete once files has been consumed */
  emptyDirs: string[];
  /** entries that could not be walked; complete once files has been consumed */
  problems: WalkProblem[];
}

export async function streamInputs(args: string[]): Promise<Inputs> {
  const kinds = await Promise.all(args.map(async (a) => (a !== "-" && (await stat(a).catch(() => null))?.isDirectory() ? "dir" : "file")));
  const emptyDirs: string[] = [];
  const problems: WalkProblem[] = [];
  async function* files(): AsyncGenerator<string> {
    for (const [i, arg] of args.entries()) {
      if (kinds[i] === "file") {
        yield arg; // a missing file is reported when it is read
        continue;
      }
      let any = false;
      const before = problems.length;
      for await (const f of walk(arg, problems, new Set())) {
        any = true;
        yield f;
      }
      if (!any && problems.length === before) emptyDirs.push(arg);
    }
  }
  return { hasDirectory: kinds.includes("dir"), files: files(), emptyDirs, problems };
}

/** All inputs at once, for commands that need every report in memory anyway. */
export async function expandInputs(args: string[]): Promise<{ files: string[]; emptyDirs: string[]; problems: WalkProblem[] }> {
  const inputs = await streamInputs(args);
  const files: string[] = [];
  for await (const f of inputs.files) files.push(f);
  return { files, emptyDirs: inputs.emptyDirs, problems: inputs.problems };
}
