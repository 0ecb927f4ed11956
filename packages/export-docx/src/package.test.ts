// The .docx as a package: every part well-formed XML (xmllint, which we did not write), every part
// typed in [Content_Types].xml, every relationship's target present; the same report gives the
// same bytes, in any time zone, and the seed gives the committed golden file.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import { programForTests } from "@zfxxgk/system-programs/testing";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { goldenCases, updateHint } from "../scripts/golden-cases.mjs";
import { renderDocx } from "./index.js";
import { all, parseXml, parts, readJson, repoRoot, seed } from "./test-support/docx.js";

const xmllint = programForTests("xmllint");
const dir = mkdtempSync(join(tmpdir(), "zfxxgk-docx-package-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const reports = [
  ["the seed (2021)", seed()],
  ["平潭 2019 (2019 edition)", readJson("packages/schema/rules/fixtures/2019/base.json")],
] as const;

describe.each(reports)("%s as a package", (_, report) => {
  const bytes = renderDocx(report);
  const files = parts(bytes);

  it.skipIf(!xmllint)("every part is well-formed XML 1.0 in UTF-8 (xmllint)", () => {
    for (const [name, text] of Object.entries(files)) {
      const file = join(dir, name.replace(/[^A-Za-z0-9.]/g, "_"));
      writeFileSync(file, text);
      const r = spawnSync(xmllint!, ["--noout", "--nonet", "--encode", "UTF-8", file], { encoding: "utf8" });
      expect(r.stderr, name).toBe("");
      expect(r.status, name).toBe(0);
      expect(text.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'), name).toBe(true);
    }
  });

  it("names every part's media type in [Content_Types].xml, the main document's as WordprocessingML", () => {
    const types = parseXml(files["[Content_Types].xml"]!);
    const defaults = new Map(all(types, "Default").map((d) => [d.attrs.Extension, d.attrs.ContentType]));
    const overrides = new Map(all(types, "Override").map((o) => [o.attrs.PartName, o.attrs.ContentType]));
    for (const name of Object.keys(files)) {
      if (name === "[Content_Types].xml") continue;
      const type = overrides.get(`/${name}`) ?? defaults.get(name.split(".").pop()!);
      expect(type, name).toBeTruthy();
    }
    for (const partName of overrides.keys()) expect(Object.keys(files), partName).toContain(partName!.slice(1));
    expect(overrides.get("/word/document.xml")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
  });

  it("every relationship's target exists, and every r:id the document uses is a relationship", () => {
    const rels = Object.keys(files).filter((n) => n.endsWith(".rels"));
    expect(rels.sort()).toEqual(["_rels/.rels", "word/_rels/document.xml.rels"]);
    for (const rel of rels) {
      // _rels/x.rels describes x; targets are relative to x's folder
      const source = posix.join(dirname(dirname(rel)), posix.basename(rel, ".rels"));
      const base = posix.dirname(source);
      const ids = new Set<string>();
      for (const r of all(parseXml(files[rel]!), "Relationship")) {
        expect(r.attrs.TargetMode, rel).toBeUndefined();
        expect(Object.keys(files), `${rel} → ${r.attrs.Target}`).toContain(posix.normalize(posix.join(base, r.attrs.Target!)));
        ids.add(r.attrs.Id!);
      }
      if (source === "word/document.xml") {
        const used = [...files[source]!.matchAll(/r:id="([^"]*)"/g)].map((m) => m[1]);
        expect(used.length).toBeGreaterThan(0);
        for (const id of used) expect(ids.has(id!), id).toBe(true);
      }
    }
    const main = all(parseXml(files["_rels/.rels"]!), "Relationship").find((r) => r.attrs.Type!.endsWith("/officeDocument"));
    expect(main?.attrs.Target).toBe("word/document.xml");
  });
});

describe("deterministic bytes", () => {
  it("the same report gives the same bytes, and [Content_Types].xml comes first", () => {
    const a = renderDocx(seed());
    const b = renderDocx(seed());
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    expect(Object.keys(unzipSync(a))[0]).toBe("[Content_Types].xml");
  });

  it("a render after a larger report gives the bytes of a render on its own, and a complete ZIP", () => {
    const small = seed();
    small.preamble = ["短"];
    const alone = Buffer.from(renderDocx(small));
    const larger = seed();
    larger.preamble = ["长".repeat(50_000)];
    renderDocx(larger);
    const after = Buffer.from(renderDocx(small));
    expect(Buffer.compare(after, alone)).toBe(0);
    expect(Object.keys(unzipSync(after))).toHaveLength(9);
  });

  it("a process in another time zone writes the same bytes", () => {
    const script = `import("${join(import.meta.dirname, "../dist/index.js").replace(/\\/g, "/")}").then(({ renderDocx }) => {
      const r = JSON.parse(require("node:fs").readFileSync(${JSON.stringify(join(repoRoot, "examples/tacheng-2024/report.json"))}, "utf8"));
      process.stdout.write(Buffer.from(renderDocx(r)).toString("base64"));
    })`;
    const run = (tz: string) => spawnSync(process.execPath, ["-e", script], { env: { ...process.env, TZ: tz }, encoding: "utf8" });
    const east = run("Asia/Shanghai");
    const west = run("America/Los_Angeles");
    expect(east.stderr).toBe("");
    expect(east.stdout.length).toBeGreaterThan(1000);
    expect(west.stdout).toBe(east.stdout);
  }, 120_000);

  it("without Node's Buffer and zlib.crc32 (a browser's path) a process writes the same bytes", () => {
    // text beyond the BMP, markup characters, line breaks and a string in a number cell: each
    // goes through the byte-string conversion (bytes.ts) that the browser does in JavaScript
    const report = seed() as unknown as { preamble: string[]; applications: { newReceived: Record<string, unknown> } };
    report.preamble = [...report.preamble, '表情😀 & <w:t> "引号"\n第二行\u2028第三行'];
    report.applications.newReceived.naturalPerson = "七";
    const file = join(dir, "browser-path.json");
    writeFileSync(file, JSON.stringify(report));
    const entry = join(import.meta.dirname, "../dist/index.js").replace(/\\/g, "/");
    const script = `delete process.getBuiltinModule; import("${entry}").then(({ renderDocx }) => {
      const r = JSON.parse(require("node:fs").readFileSync(${JSON.stringify(file)}, "utf8"));
      process.stdout.write(Buffer.from(renderDocx(r)).toString("base64"));
    })`;
    const browser = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(browser.stderr).toBe("");
    expect(browser.stdout).toBe(Buffer.from(renderDocx(report as never)).toString("base64"));
    const xml = parts(renderDocx(report as never))["word/document.xml"]!;
    expect(xml).toContain(`表情😀 &amp; &lt;w:t&gt; &quot;引号&quot;</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">第二行</w:t>`);
    expect(xml).toContain("<w:t>七</w:t>");
  }, 120_000);

  it.each(goldenCases)("$file is what the seed renders to", ({ file, report }) => {
    const golden = readFileSync(join(import.meta.dirname, "../golden", file));
    const now = Buffer.from(renderDocx(JSON.parse(readFileSync(join(repoRoot, report), "utf8"))));
    expect(Buffer.compare(now, golden), updateHint).toBe(0);
  });
});
