// The published packages as a user meets them: every public package is packed with npm pack, the
// tarballs are installed into a fresh project outside the workspace (no workspace links), a small
// TypeScript program that imports them by name is type-checked and run, and the zfxxgk bin runs.
// A package that would be broken for a user — a missing file, a wrong export, a type that does
// not resolve, a dependency not declared — fails here.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../../..");
const example = join(root, "examples/tacheng-2024/report.json");
const example2019 = join(root, "packages/schema/rules/fixtures/2019/base.json");
const seedText = join(root, "corpus/raw/00-tacheng-2024.txt");
const publicPackages = readdirSync(join(root, "packages"))
  .map((name) => join(root, "packages", name))
  .filter((dir) => !JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).private);

let project = "";
const sh = (cmd: string, args: string[], cwd = project) =>
  execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "zfxxgk-consumer-"));
  const tarballs = publicPackages.map((dir) => {
    const [info] = JSON.parse(sh("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", project], dir));
    return join(project, info.filename);
  });
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  // a user's project: the tarballs plus TypeScript, nothing from the workspace
  // better-sqlite3 is left unbuilt, as npm 11 leaves it for a user who did not allow it: CSV must work
  sh("npm", [
    "install",
    "--no-audit",
    "--no-fund",
    ...tarballs,
    `typescript@${JSON.parse(readFileSync(join(root, "node_modules/typescript/package.json"), "utf8")).version}`,
    "@types/node@20",
  ]);
  cpSync(join(import.meta.dirname, "../fixture/consumer.ts"), join(project, "consumer.ts"));
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        outDir: "out",
        types: ["node"],
        skipLibCheck: false,
      },
      files: ["consumer.ts"],
    }),
  );
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe("the packages as a user installs them", () => {
  it("install without workspace links", () => {
    for (const dir of publicPackages) {
      const name = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name as string;
      const installed = join(project, "node_modules", name);
      expect(spawnSync("test", ["-L", installed]).status, `${name} is a link`).not.toBe(0);
    }
  });

  it("type-check a TypeScript program that uses every package (types included)", () => {
    const r = spawnSync(join(project, "node_modules/.bin/tsc"), ["-p", "."], { cwd: project, encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("run that program", () => {
    const out = JSON.parse(sh(process.execPath, ["out/consumer.js", example, example2019, seedText]).trim());
    expect(out).toMatchObject({
      editions: ["2019", "2021"],
      labelled: "一、总体情况",
      valid: true,
      htmlHasTable: true,
      xmlRoundTrip: true,
      docxIsZip: true,
      importedNewReceived: 9, // 塔城市 2024: 9 applications by natural persons
      migratedEdition: "2021",
      losses: 26,
      aggregateNew: 18,
      diffTotal: 4, // the four blank 总计 cells fill computed
      csvRows: 4,
      servedValid: true,
    });
  });

  it("run the zfxxgk bin of the install", () => {
    const bin = join(project, "node_modules/.bin/zfxxgk");
    const ok = spawnSync(bin, ["validate", example, "--locale", "en"], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("valid (edition 2021)");
    const help = spawnSync(bin, ["--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    for (const cmd of ["validate", "fill", "aggregate", "diff", "flatten", "migrate"]) expect(help.stdout).toContain(cmd);
  });

  it("resolve their types for ESM users and bundlers (attw)", () => {
    const attw = join(root, "node_modules/.bin/attw");
    for (const dir of publicPackages) {
      const r = spawnSync(attw, ["--pack", ".", "--profile", "esm-only", "--format", "ascii"], { cwd: dir, encoding: "utf8" });
      expect(r.status, `${dir}\n${r.stdout}${r.stderr}`).toBe(0);
    }
  });

  it("pass publint", () => {
    const publint = join(root, "node_modules/.bin/publint");
    for (const dir of publicPackages) {
      const r = spawnSync(publint, ["--strict", "--level", "warning"], { cwd: dir, encoding: "utf8" });
      expect(r.status, `${dir}\n${r.stdout}${r.stderr}`).toBe(0);
    }
  });
});
