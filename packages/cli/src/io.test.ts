// The shared reading and writing of the CLI (io.ts, inputs.ts, read-report.ts) on their own.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { outputNames } from "./inputs.js";
import { InputTooLarge, plain, readFileBounded, writeOutput, WriteError } from "./io.js";
import { firstDuplicateKey } from "./read-report.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zfxxgk-io-"));

describe("firstDuplicateKey", () => {
  it.each([
    ['{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}', null],
    ['{"a":1,"b":2,"a":3}', { key: "a", offset: 13 }],
    ['{"x":{"k":1,"k":2}}', { key: "k", offset: 12 }],
    // the same key written two ways is the same key to JSON.parse
    ['{"ab":1,"a\\u0062":2}', { key: "ab", offset: 8 }],
    ['[{"a":"\\"a\\"","a":1}]', { key: "a", offset: 14 }],
    ['{"a":["a","a"],"b":"a"}', null],
  ])("%s", (text, expected) => {
    expect(firstDuplicateKey(text)).toEqual(expected);
  });
});

describe("readFileBounded", () => {
  it("reads a file under the cap whole", () => {
    const p = path.join(tmp, "small");
    fs.writeFileSync(p, "x".repeat(1000));
    expect(readFileBounded(p, 1000).length).toBe(1000);
  });

  it("refuses a regular file over the cap before reading it, a device at the cap", () => {
    const p = path.join(tmp, "big");
    fs.writeFileSync(p, "x".repeat(1001));
    expect(() => readFileBounded(p, 1000)).toThrow(InputTooLarge);
    expect(() => readFileBounded("/dev/zero", 1 << 20)).toThrow(InputTooLarge);
  });
});

describe("writeOutput", () => {
  it("replaces a file whole, keeps its permissions, and leaves no temporary file", async () => {
    const d = fs.mkdtempSync(path.join(tmp, "w-"));
    const p = path.join(d, "out.txt");
    fs.writeFileSync(p, "old");
    fs.chmodSync(p, 0o640);
    await writeOutput(p, "new", "en");
    expect(fs.readFileSync(p, "utf8")).toBe("new");
    expect(fs.statSync(p).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(d)).toEqual(["out.txt"]);
  });

  it("writes through a symbolic link instead of replacing it", async () => {
    const d = fs.mkdtempSync(path.join(tmp, "w-"));
    fs.writeFileSync(path.join(d, "target.txt"), "old");
    fs.symlinkSync("target.txt", path.join(d, "link.txt"));
    await writeOutput(path.join(d, "link.txt"), "new", "en");
    expect(fs.lstatSync(path.join(d, "link.txt")).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(d, "target.txt"), "utf8")).toBe("new");
  });

  it("refuses an output that is an input by another name", async () => {
    const d = fs.mkdtempSync(path.join(tmp, "w-"));
    fs.writeFileSync(path.join(d, "in.json"), "{}");
    fs.linkSync(path.join(d, "in.json"), path.join(d, "same.json"));
    await expect(writeOutput(path.join(d, "same.json"), "x", "en", [path.join(d, "in.json")])).rejects.toThrow(WriteError);
    expect(fs.readFileSync(path.join(d, "in.json"), "utf8")).toBe("{}");
  });
});

describe("outputNames", () => {
  it("keeps a/b.pdf → a/b.json, and keeps the extension only where names collide", () => {
    const names = outputNames(["in/a/b.pdf", "in/r.html", "in/R.txt", "in/r.pdf", "in/x.txt"], "in", "out");
    expect(Object.fromEntries(names)).toEqual({
      "in/a/b.pdf": path.join("out", "a", "b.json"),
      "in/r.html": path.join("out", "r.html.json"),
      "in/R.txt": path.join("out", "R.txt.json"),
      "in/r.pdf": path.join("out", "r.pdf.json"),
      "in/x.txt": path.join("out", "x.json"),
    });
  });

  it("numbers a name that is still taken after keeping extensions (b.pdf beside b.pdf.txt)", () => {
    const files = ["in/b.pdf", "in/b.txt", "in/b.pdf.txt"];
    const names = [...outputNames(files, "in", "out").values()];
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(files.length);
    expect(names).toEqual(["b.pdf.json", "b.txt.json", "b.pdf.2.json"].map((n) => path.join("out", n)));
  });
});

describe("plain", () => {
  it("shows terminal controls as code points, keeps tabs, newlines and Chinese", () => {
    expect(plain("\u001b]0;x\u0007标题\t\n\u009b2J\u202e")).toBe("\\u001b]0;x\\u0007标题\t\n\\u009b2J\\u202e");
  });
});
