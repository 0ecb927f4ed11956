// The shared reading and writing of the CLI (io.ts, inputs.ts, read-report.ts) on their own.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { outputNames } from "./inputs.js";
import { InputTooLarge, plain, readFileBounded, writeOutput, WriteError } from "./io.js";
import { workersFor } from "./batch.js";
import { firstDuplicateKey, keysWritten, parseReportBytes, ReadError } from "./read-report.js";

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

describe("keysWritten", () => {
  it.each([
    ['{"a":1,"b":{"c":2},"d":[{"e":3}]}', 5],
    // a key may stand apart from its colon; a string holding quotes, colons or backslashes is no key
    ['{ "a" :\t1, "b"\n:\r\n' + String.raw`"x\\\":"}`, 2],
    [String.raw`{"a":"\\\":","b\"":"c\\"}`, 2],
    ['["a:","b"," : "]', 0],
  ])("%s has %i keys", (text, n) => {
    expect(JSON.parse(text)).toBeDefined(); // each is well-formed, as the function requires
    expect(keysWritten(text)).toBe(n);
  });
});

describe("a duplicate key is found however it is written", () => {
  // the quick count (keys written against keys parsed) must not hide any of these
  it.each([
    ['{"a":1, "a" :2}', "a"],
    [String.raw`{"x":"\":","x":1}`, "x"],
    ['{"o":{"k":[1,{"k":1}],"k":2}}', "k"],
    [String.raw`{"ab":1,"a\u0062":2}`, "ab"],
  ])("%s", (text, key) => {
    let error: unknown;
    try {
      parseReportBytes(Buffer.from(text), "en");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).code).toBe("DUPLICATE-KEY");
    expect((error as ReadError).message).toContain(`"${key}"`);
  });

  it("a report with equal keys in different objects parses", () => {
    expect(parseReportBytes(Buffer.from('{"a":{"n":1},"b":{"n":2},"c":[{"n":3},{"n":4}]}'), "en")).toEqual({
      a: { n: 1 },
      b: { n: 2 },
      c: [{ n: 3 }, { n: 4 }],
    });
  });
});

describe("workersFor", () => {
  it("none for a batch known to be small, at least one for a large one, never more than the other cores", () => {
    expect(workersFor(10, true, 8)).toBe(0);
    expect(workersFor(1000, true, 8)).toBe(0);
    expect(workersFor(100_000, true, 2)).toBe(1);
    expect(workersFor(100_000, true, 8)).toBe(7);
    expect(workersFor(100_000, true, 1)).toBe(0); // one core: a worker would only take turns with this thread
    // a walk not yet read to its end is at least this large: workers
    expect(workersFor(1000, false, 8)).toBe(1);
    // a batch worth two workers' start-up, not seven
    expect(workersFor(3500, true, 8)).toBe(2);
  });
});

describe("readFileBounded", () => {
  it("reusing the thread's buffer: each file's bytes exactly, larger then smaller", () => {
    const sizes = [10, 100_000, 3, 70_000, 0];
    for (const [i, n] of sizes.entries()) {
      const p = path.join(tmp, `reuse-${i}`);
      const data = Buffer.alloc(n, 65 + i);
      fs.writeFileSync(p, data);
      expect(Buffer.compare(readFileBounded(p, 1 << 20, true), data)).toBe(0);
    }
  });

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
