// Any input: importReport never throws, returns in bounded time, and says why when nothing could be
// imported (report null and a diagnostic).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importReport, MAX_TEXT_BYTES } from "./index.js";
import { corpus } from "./test-support/paths.js";
import { at, readTruth } from "./test-support/truth.js";
import { inWanYuan } from "./cells/tokens.js";

const nothing = async (input: unknown, options = {}) => {
  const r = await importReport(input as string, options);
  expect(r.report).toBeNull();
  expect(r.diagnostics.length).toBeGreaterThan(0);
  expect(r.diagnostics.some((d) => d.severity === "error" && d.pointer === "")).toBe(true);
  return r;
};

describe("garbage in, report null and a reason out", () => {
  it("empty input", async () => {
    expect((await nothing("")).diagnostics[0]!.reason).toBe("not-a-report");
    await nothing(new Uint8Array());
  });

  it("random bytes", async () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
    await nothing(bytes);
  });

  it("text that is no report", async () => {
    const r = await nothing("The quick brown fox jumps over the lazy dog.\n".repeat(50));
    expect(r.diagnostics[0]!.reason).toBe("not-a-report");
  });

  it("a PDF header over garbage", async () => {
    const r = await nothing(Buffer.from(`%PDF-1.7\n${"x".repeat(500)}`));
    expect(r.format).toBe("pdf");
    expect(r.diagnostics[0]!.reason).toBe("unreadable");
  });

  it("text read as a PDF because the caller said so", async () => {
    const r = await nothing("一、总体情况", { format: "pdf" });
    expect(r.diagnostics[0]!.reason).toBe("unreadable");
  });

  it("an input too large is refused before it is read", async () => {
    const t = performance.now();
    const r = await nothing(Buffer.alloc(MAX_TEXT_BYTES + 1, 0x41));
    expect(r.diagnostics[0]!.reason).toBe("too-large");
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it("something that is neither text nor bytes", async () => {
    await nothing(42);
    await nothing(null);
  });

  it("messages in English when asked", async () => {
    const r = await nothing("", { locale: "en" });
    expect(r.diagnostics[0]!.message).toMatch(/empty/);
  });
});

describe("hostile markup stays bounded", () => {
  it("deeply nested elements", async () => {
    const html = `<html><body>${"<div>".repeat(20_000)}一、总体情况${"</div>".repeat(20_000)}</body></html>`;
    const t = performance.now();
    const r = await importReport(html);
    expect(performance.now() - t).toBeLessThan(5000);
    expect(r).toBeDefined();
  });

  it("huge rowspans and colspans", async () => {
    const row = `<tr>${'<td rowspan="65535" colspan="1000">1</td>'.repeat(50)}</tr>`;
    const t = performance.now();
    const r = await importReport(`<html><body><p>三、收到和处理政府信息公开申请情况</p><table>${row.repeat(200)}</table></body></html>`);
    expect(performance.now() - t).toBeLessThan(5000);
    expect(r).toBeDefined();
  });
});

describe("a report with parts missing is imported as far as it goes", () => {
  it("only table 三 of the seed: the other tables are missing, and said so", async () => {
    const seed = readFileSync(join(corpus, "raw/00-tacheng-2024.txt"), "utf8");
    const part = seed.slice(seed.indexOf("三、收到和处理政府信息公开申请情况"), seed.indexOf("四、政府信息公开行政复议"));
    const r = await importReport(part);
    if (r.edition !== "2021") throw new Error(`read as ${r.edition}, not as a 2021-edition report`);
    expect(r.report.applications.results.total.naturalPerson).toBe(9);
    expect(r.diagnostics.some((d) => d.pointer === "/proactiveDisclosure" && d.reason === "missing")).toBe(true);
    expect(r.report.proactiveDisclosure.article20Item1.regulations.issuedThisYear).toBeNull();
    expect(r.stats.missing).toBe(10 + 15);
  });
});

describe("units", () => {
  it("a fee printed in 元 under the 万元 column is not read as 万元; printed in 万元 it is", async () => {
    const seed = readFileSync(join(corpus, "raw/00-tacheng-2024.txt"), "utf8");
    const line = seed.split("\n").find((l) => l.startsWith("行政事业性收费"))!;
    const figure = line.split("\t")[1]!.trim();
    const yuan = await importReport(seed.replace(line, `${line.trimEnd()}元`));
    if (yuan.edition !== "2021") throw new Error(`read as ${yuan.edition}`);
    expect(yuan.report.proactiveDisclosure.article20Item8.administrativeFees.feeAmountThisYear).toBeNull();
    const d = yuan.diagnostics.find((x) => x.pointer === "/proactiveDisclosure/article20Item8/administrativeFees/feeAmountThisYear");
    expect(d).toMatchObject({ reason: "ambiguous", raw: `${figure}元` });
    const wan = await importReport(seed.replace(line, `${line.trimEnd()}万元`));
    if (wan.edition !== "2021") throw new Error(`read as ${wan.edition}`);
    expect(wan.report.proactiveDisclosure.article20Item8.administrativeFees.feeAmountThisYear).toBe(Number(figure));
  });
});

describe("units of the 2019 采购总金额 (no unit in its header: the cell prints 元 or 万元)", () => {
  const pointer = "/proactiveDisclosure/article20Item9/governmentCentralizedProcurement/procurementTotalAmount";
  const truth = readTruth("03-pingtan-2019");
  const [count, printed] = Object.entries(truth.table2Raw!).find(([k]) => k.startsWith("政府集中采购"))![1] as [number, string];
  const figure = printed.replace(/元$/, "");
  const page = readFileSync(join(corpus, "raw/03-pingtan-2019.page.html"), "utf8");
  const text = readFileSync(join(corpus, "raw/03-pingtan-2019.txt"), "utf8");

  it("元 moves the decimal point four places, exactly (no binary noise from a division)", () => {
    expect(inWanYuan(figure, "元")).toBe(Number(`${figure.slice(0, -7)}.${figure.slice(-7).replace(".", "")}`));
    expect(inWanYuan("251000", "元")).toBe(25.1);
    expect(inWanYuan("5", "元")).toBe(0.0005);
    expect(inWanYuan("0", "元")).toBe(0);
    expect(inWanYuan("12.5", "万元")).toBe(12.5);
  });

  it("a page printing 万元 is read as printed; 元 is converted; both keep the printed text", async () => {
    expect(page).toContain(printed);
    const wan = await importReport(page.replace(printed, `${figure}万元`));
    expect(at(wan.report, pointer)).toBe(Number(figure));
    expect(wan.report!.sourceTokens?.[pointer]).toBe(`${figure}万元`);
    const yuan = await importReport(page);
    expect(at(yuan.report, pointer)).toBeCloseTo(Number(figure) / 10000, 9);
    expect(yuan.report!.sourceTokens?.[pointer]).toBe(printed);
  });

  it("with no unit printed, the figure is not read (null, ambiguous, saying why); 0 is 0 in any unit", async () => {
    const none = await importReport(page.replace(printed, figure), { locale: "en" });
    expect(at(none.report, pointer)).toBeNull();
    expect(none.diagnostics.find((d) => d.pointer === pointer)).toMatchObject({
      reason: "ambiguous",
      raw: figure,
      message: expect.stringContaining("no unit"),
    });
    const zero = await importReport(page.replace(printed, "0"));
    expect(at(zero.report, pointer)).toBe(0);
  });

  it("crawled text: the unit after the run applies to its money cell; a printed space makes the split plain", async () => {
    const run = `政府集中采购${count}${printed}`;
    expect(text).toContain(run);
    const r = await importReport(text.replace(run, `政府集中采购${count} ${printed}`));
    expect(at(r.report, pointer.replace("procurementTotalAmount", "procurementProjectCount"))).toBe(count);
    expect(at(r.report, pointer)).toBeCloseTo(Number(figure) / 10000, 9);
    expect(r.report!.sourceTokens?.[pointer]).toBe(printed);
  });
});
