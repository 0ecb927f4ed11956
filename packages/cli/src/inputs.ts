// Expands the command line's inputs: a file, "-" for stdin, or a directory (every .json in it,
// recursively). Directories are walked lazily, one directory's names at a time, in sorted order,
// so that a batch of any size starts at once and its memory does not grow with the reports.
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path);
    else if (e.isFile() && e.name.toLowerCase().endsWith(".json")) yield path;
  }
}

export interface Inputs {
  /** true when an argument is a directory: a batch, worth worker threads */
  hasDirectory: boolean;
  files: AsyncIterable<string>;
  /** directories that held no .json file; complete once files has been consumed */
  emptyDirs: string[];
}

export async function streamInputs(args: string[]): Promise<Inputs> {
  const kinds = await Promise.all(args.map(async (a) => (a !== "-" && (await stat(a).catch(() => null))?.isDirectory() ? "dir" : "file")));
  const emptyDirs: string[] = [];
  async function* files(): AsyncGenerator<string> {
    for (const [i, arg] of args.entries()) {
      if (kinds[i] === "file") {
        yield arg; // a missing file is reported when it is read
        continue;
      }
      let any = false;
      for await (const f of walk(arg)) {
        any = true;
        yield f;
      }
      if (!any) emptyDirs.push(arg);
    }
  }
  return { hasDirectory: kinds.includes("dir"), files: files(), emptyDirs };
}

/** All inputs at once, for commands that need every report in memory anyway. */
export async function expandInputs(args: string[]): Promise<{ files: string[]; emptyDirs: string[] }> {
  const inputs = await streamInputs(args);
  const files: string[] = [];
  for await (const f of inputs.files) files.push(f);
  return { files, emptyDirs: inputs.emptyDirs };
}
