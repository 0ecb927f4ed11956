// Label matching: full/half-width brackets and colons, quotes, whitespace and line breaks, 1、 for 1.,
// and the variants of format-rows.json — always against the canonical labels of @zfxxgk/schema.
import { describe, expect, it } from "vitest";
import { labels } from "@zfxxgk/schema";
import { findLabel, model } from "./labels.js";
import { norm, normWithMap } from "./normalise.js";

const rows = labels["2021"].applications.rows;

describe("norm", () => {
  it("matches a label whatever its brackets, quotes, spaces and line breaks", () => {
    const l = rows["results.denied.securityStability"]!; // 3.危及“三安全一稳定”
    expect(norm('3. 危及"三安全\n一稳定"')).toBe(norm(l));
    expect(norm("(三) 不予公 开")).toBe(norm(rows["results.denied"]!));
    expect(norm("本年收费金额(单位:万元)")).toBe(
      norm(labels["2021"].proactiveDisclosure.blocks.article20Item8!.columns.feeAmountThisYear!),
    );
    expect(norm("1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")).toBe(norm(rows["results.other.overdueCorrection"]!));
  });

  it("keeps 、 between words (only a number's 、 is its full stop)", () => {
    expect(norm("正、行政")).toBe("正、行政");
  });

  it("maps every character of the normalised text back to the source", () => {
    const src = "（一） 予以\t公开21";
    const { text, map } = normWithMap(src);
    expect(text).toBe("(一)予以公开21");
    for (let i = 0; i < text.length; i++) expect(norm(src[map[i]!]!)).toBe(text[i]);
  });

  it("folds Kangxi radicals that PDF fonts emit (⼀ for 一)", () => {
    expect(norm("⼀、总体情况")).toBe(norm(labels["2021"].sections.overview!.heading));
  });
});

describe("the edition models", () => {
  it("2021: every label of the schema, the cells the schema has (200)", () => {
    const m = model("2021");
    expect(m.table3.rows.map((r) => r.label.text)).toEqual(
      Object.entries(rows)
        .filter(([k]) => !Object.keys(rows).some((o) => o.startsWith(`${k}.`)))
        .map(([, v]) => v),
    );
    expect(m.cells).toHaveLength(10 + 25 * 7 + 15);
  });

  it("2019: （六）其他处理 is one row, 23 rows, 161 + 15 + 22 cells (FORMAT.md §2.2, §3.3)", () => {
    const m = model("2019");
    expect(m.table3.rows).toHaveLength(23);
    expect(m.table3.rows.find((r) => r.path === "results.other")?.label.text).toBe(rows["results.other"]);
    expect(m.cells).toHaveLength(161 + 15 + 22);
  });

  it("accepts the variants of format-rows.json, and says which one it saw", () => {
    const m = model("2021");
    const docs = m.table2.blocks[0]!.rows.find((r) => r.path.endsWith("normativeDocuments"))!;
    expect(findLabel(norm("规范性文件"), docs.label)).toMatchObject({ variant: "规范性文件" });
    const partial = m.table3.rows.find((r) => r.path === "results.partiallyGranted")!;
    expect(findLabel(norm("（二）部分公开"), partial.label)?.variant).toBe("（二）部分公开");
    // in 2019, 规范性文件 is the label itself
    const docs19 = model("2019").table2.blocks[0]!.rows.find((r) => r.path.endsWith("normativeDocuments"))!;
    expect(findLabel(norm("规范性文件"), docs19.label)?.variant).toBeUndefined();
  });
});
