// Expands the command line's inputs: a file, "-" for stdin, or a directory (every .json in it,
// recursively). Directories are walked lazily, one directory's names at a time, in sorted order,
// so that a batch of any size starts at once and its memory does not grow with the reports.
import { readdir, realpath, stat } from "node:fs/promises";
import { extname, join, relative } from "node:path";

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
const isJsonName = (name: string) => name.toLowerCase().endsWith(".json");

/** Files of a walk are handed on in runs of up to this many: a batch takes them a run at a time. */
const RUN = 1024;

async function* walk(
  dir: string,
  problems: WalkProblem[],
  above: Set<string>,
  wanted: (name: string) => boolean = isJsonName,
): AsyncGenerator<string[]> {
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
  // files in order; the run so far is handed on before a folder's files, to keep that order
  let run: string[] = [];
  for (const e of entries) {
    const path = join(dir, e.name);
    const isJson = wanted(e.name);
    let into: string | null = null;
    if (e.isDirectory()) into = path;
    else if (e.isFile() && isJson) run.push(path);
    else if (e.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      if (target?.isDirectory()) into = path;
      // a dangling link named .json is read, and so reported as missing
      else if (isJson && (target === null || target.isFile())) run.push(path);
    }
    if ((into !== null && run.length > 0) || run.length >= RUN) {
      yield run;
      run = [];
    }
    if (into !== null) yield* walk(into, problems, above, wanted);
  }
  if (run.length > 0) yield run;
  above.delete(real);
}

export interface Inputs {
  /** true when an argument is a directory: a batch, worth worker threads */
  hasDirectory: boolean;
  /** the files, in runs (a directory's files come a run at a time; a file argument is a run of one) */
  runs: AsyncIterable<string[]>;
  files: AsyncIterable<string>;
  /** directories that held no .json file; complete once files has been consumed */
  emptyDirs: string[];
  /** entries that could not be walked; complete once files has been consumed */
  problems: WalkProblem[];
}

/** The inputs, to be read once: either as runs or as files, not both. */
export async function streamInputs(args: string[]): Promise<Inputs> {
  const kinds = await Promise.all(args.map(async (a) => (a !== "-" && (await stat(a).catch(() => null))?.isDirectory() ? "dir" : "file")));
  const emptyDirs: string[] = [];
  const problems: WalkProblem[] = [];
  async function* runs(): AsyncGenerator<string[]> {
    for (const [i, arg] of args.entries()) {
      if (kinds[i] === "file") {
        yield [arg]; // a missing file is reported when it is read
        continue;
      }
      let any = false;
      const before = problems.length;
      for await (const run of walk(arg, problems, new Set())) {
        any = true;
        yield run;
      }
      if (!any && problems.length === before) emptyDirs.push(arg);
    }
  }
  const all = runs();
  async function* files(): AsyncGenerator<string> {
    for await (const run of all) yield* run;
  }
  return { hasDirectory: kinds.includes("dir"), runs: all, files: files(), emptyDirs, problems };
}

/** All inputs at once, for commands that need every report in memory anyway. */
export async function expandInputs(args: string[]): Promise<{ files: string[]; emptyDirs: string[]; problems: WalkProblem[] }> {
  const inputs = await streamInputs(args);
  const files: string[] = [];
  for await (const f of inputs.files) files.push(f);
  return { files, emptyDirs: inputs.emptyDirs, problems: inputs.problems };
}

/** Every file under dir whose name is wanted, sorted, and the entries that could not be walked. */
export async function filesUnder(dir: string, wanted: (name: string) => boolean): Promise<{ files: string[]; problems: WalkProblem[] }> {
  const problems: WalkProblem[] = [];
  const files: string[] = [];
  for await (const run of walk(dir, problems, new Set(), wanted)) files.push(...run);
  return { files, problems };
}

/**
 * Where each input of a directory import is written: a/b.pdf → <out>/a/b.json, the tree kept;
 * when two inputs would land on one name (b.pdf and b.txt, or B.pdf and b.pdf on a disk that
 * ignores case), each of them keeps its extension instead (b.pdf.json, b.txt.json); a name still
 * taken after that (b.pdf beside b.pdf.txt) gets a number (b.pdf.2.json), so that no import
 * overwrites another.
 */
export function outputNames(files: string[], inputDir: string, outputDir: string): Map<string, string> {
  const stem = (f: string) => {
    const rel = relative(inputDir, f);
    return rel.slice(0, rel.length - extname(rel).length);
  };
  const count = new Map<string, number>();
  for (const f of files) count.set(stem(f).toLowerCase(), (count.get(stem(f).toLowerCase()) ?? 0) + 1);
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const f of files) {
    const s = stem(f);
    const base = count.get(s.toLowerCase())! > 1 ? relative(inputDir, f) : s;
    let name = `${base}.json`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}.${n}.json`;
    taken.add(name.toLowerCase());
    out.set(f, join(outputDir, name));
  }
  return out;
}
