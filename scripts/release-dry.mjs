// npm run release:dry: what the next release would publish, without touching the working tree.
// Copies the repository (with built dist/, without node_modules) to a scratch folder, runs
// `changeset version` there, then `npm pack --dry-run` for every public package.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
const scratch = mkdtempSync(join(tmpdir(), "zfxxgk-release-"));
const skip = new Set(["node_modules", ".git", ".turbo", "out"]);
cpSync(root, scratch, { recursive: true, filter: (src) => !skip.has(src.split("/").pop()) || src === root });
const run = (cmd, args, cwd) => {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, NODE_PATH: join(root, "node_modules") } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed in ${relative(scratch, cwd) || "."}:\n${r.stderr}`);
  return r.stdout;
};
try {
  const pending = readdirSync(join(scratch, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md");
  console.log(`${pending.length} changesets pending: ${pending.join(", ")}`);
  run(process.execPath, [join(root, "node_modules/@changesets/cli/bin.js"), "version"], scratch);
  const rows = [];
  // every public package lives in packages/ (generators and tests are private)
  for (const name of readdirSync(join(scratch, "packages"))) {
    const pkgDir = join(scratch, "packages", name);
    if (!existsSync(join(pkgDir, "package.json"))) continue;
    const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
    if (pkg.private) continue;
    const before = JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8")).version;
    const [info] = JSON.parse(run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], pkgDir));
    rows.push({
      package: pkg.name,
      version: before === pkg.version ? pkg.version : `${before} → ${pkg.version}`,
      editions: (pkg.editions ?? []).join(" "),
      files: info.entryCount,
      "packed kB": (info.size / 1024).toFixed(1),
    });
  }
  console.table(rows);
  const missing = rows.filter((r) => r.files < 3);
  if (missing.length)
    throw new Error(`packages with almost nothing to publish (build first?): ${missing.map((r) => r.package).join(", ")}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
