// Expands the command line's inputs: a file, "-" for stdin, or a directory (every .json in it,
// recursively, in a stable order).
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

export async function expandInputs(args: string[]): Promise<{ files: string[]; emptyDirs: string[] }> {
  const files: string[] = [];
  const emptyDirs: string[] = [];
  for (const arg of args) {
    if (arg === "-") {
      files.push(arg);
      continue;
    }
    const info = await stat(arg).catch(() => null);
    if (!info?.isDirectory()) {
      files.push(arg); // a missing file is reported when it is read
      continue;
    }
    const found = (await readdir(arg, { recursive: true, withFileTypes: true }))
      .filter((d) => d.isFile() && d.name.toLowerCase().endsWith(".json"))
      .map((d) => join(d.parentPath ?? (d as unknown as { path: string }).path, d.name))
      .sort();
    if (found.length === 0) emptyDirs.push(arg);
    files.push(...found);
  }
  return { files, emptyDirs };
}
