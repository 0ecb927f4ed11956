// Schema errors come out as issues naming the cell (pointer and label path) in zh-CN and en.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "./index.js";
import { repoRoot, schemaDir } from "./test-support/paths.js";
import { readJson, setAt } from "./test-support/report.js";

const base = () => readJson(join(schemaDir, "rules/fixtures/2021/base.json"));
const T3_NEW_NP = "表三 › 一、本年新收政府信息公开申请数量 › 自然人";

interface Case {
  name: string;
  change: (r: any) => void;
  code: string;
  pointer: string;
  labelPath: string;
  zh: RegExp;
  en: RegExp;
}

const cases: Case[] = [
  {
    name: "a count given as text",
    change: (r) => setAt(r, "/applications/newReceived/naturalPerson", "3001"),
    code: "SCHEMA-TYPE",
    pointer: "/applications/newReceived/naturalPerson",
    labelPath: T3_NEW_NP,
    zh: /应为整数或空.*实际为 "3001"/,
    en: /must be a whole number or null.*not "3001"/,
  },
  {
    name: "a negative count",
    change: (r) => setAt(r, "/reviewAndLitigation/litigation/direct/upheld", -1),
    code: "SCHEMA-MINIMUM",
    pointer: "/reviewAndLitigation/litigation/direct/upheld",
    labelPath: "表四 › 行政诉讼 › 未经复议直接起诉 › 结果维持",
    zh: /不能为负数（实际为 -1）/,
    en: /must not be negative \(it is -1\)/,
  },
  {
    name: "a fractional count",
    change: (r) => setAt(r, "/proactiveDisclosure/article20Item6/administrativePenalty/decisionsThisYear", 1.5),
    code: "SCHEMA-TYPE",
    pointer: "/proactiveDisclosure/article20Item6/administrativePenalty/decisionsThisYear",
    labelPath: "表二 › 第二十条第（六）项 › 行政处罚 › 本年处理决定数量",
    zh: /应为整数.*实际为 1\.5/,
    en: /whole number.*1\.5/,
  },
  {
    name: "a count beyond 2^53",
    change: (r) => setAt(r, "/applications/newReceived/naturalPerson", 2 ** 53),
    code: "SCHEMA-MAXIMUM",
    pointer: "/applications/newReceived/naturalPerson",
    labelPath: T3_NEW_NP,
    zh: /数值过大/,
    en: /too large/,
  },
  {
    name: "a negative fee",
    change: (r) => setAt(r, "/proactiveDisclosure/article20Item8/administrativeFees/feeAmountThisYear", -0.5),
    code: "SCHEMA-MINIMUM",
    pointer: "/proactiveDisclosure/article20Item8/administrativeFees/feeAmountThisYear",
    labelPath: "表二 › 第二十条第（八）项 › 行政事业性收费 › 本年收费金额（单位：万元）",
    zh: /不能为负数/,
    en: /negative/,
  },
  {
    name: "a misspelt column key",
    change: (r) => {
      r.applications.carriedOver.naturalPersn = 1;
    },
    code: "SCHEMA-UNKNOWN-KEY",
    pointer: "/applications/carriedOver/naturalPersn",
    labelPath: "表三 › 二、上年结转政府信息公开申请数量 › naturalPersn",
    zh: /未知字段“naturalPersn”/,
    en: /unknown field "naturalPersn"/,
  },
  {
    name: "a missing group of rows",
    change: (r) => delete r.applications.results.denied,
    code: "SCHEMA-REQUIRED",
    pointer: "/applications/results/denied",
    labelPath: "表三 › 三、本年度办理结果 › （三）不予公开",
    zh: /缺少必填项“表三 › 三、本年度办理结果 › （三）不予公开”/,
    en: /is missing/,
  },
  {
    name: "a missing section",
    change: (r) => delete r.overview,
    code: "SCHEMA-REQUIRED",
    pointer: "/overview",
    labelPath: "一、总体情况",
    zh: /缺少必填项“一、总体情况”/,
    en: /is missing: 一、总体情况/,
  },
  {
    name: "HTML markup in a paragraph",
    change: (r) => (r.overview.paragraphs[0] = '正文"><img src=x onerror=alert(1)>'),
    code: "SCHEMA-MARKUP",
    pointer: "/overview/paragraphs/0",
    labelPath: "一、总体情况 › 第 1 段",
    zh: /含有 HTML 标记 "<img src=x onerror=alert\(1\)>"/,
    en: /contains HTML markup/,
  },
  {
    name: "a bare a<b in a paragraph: not called markup, told how to write a comparison",
    change: (r) => (r.overview.paragraphs[0] = "满意度a<b的情况"),
    code: "SCHEMA-MARKUP",
    pointer: "/overview/paragraphs/0",
    labelPath: "一、总体情况 › 第 1 段",
    zh: /含有 "<b的情况"：“<”后紧跟字母、\/、! 或 \?，HTML 会把它当作标记的开头；比较大小请写作“a < b”/,
    en: new RegExp(
      /^contains "<b的情况": a "<" directly followed by a letter, \/, ! or \? starts a tag to an HTML reader; /.source +
        /for a comparison write "a < b"/.source,
    ),
  },
  {
    name: "a control character in the title",
    change: (r) => (r.title = "报告\u0007"),
    code: "SCHEMA-CONTROL-CHAR",
    pointer: "/title",
    labelPath: "标题",
    zh: /U\+0007（第 3 个字符）/,
    en: /U\+0007 \(character 3\)/,
  },
  {
    name: "an unpaired surrogate in a subsection heading",
    change: (r) => (r.overview.subsections = [{ heading: "（一）\ud800", paragraphs: [] }]),
    code: "SCHEMA-CONTROL-CHAR",
    pointer: "/overview/subsections/0/heading",
    labelPath: "一、总体情况 › 第 1 小节 › 小标题",
    zh: /U\+D800/,
    en: /U\+D800/,
  },
  {
    name: "an impossible date",
    change: (r) => (r.publishedOn = "2025-02-30"),
    code: "SCHEMA-DATE",
    pointer: "/publishedOn",
    labelPath: "公布日期",
    zh: /YYYY-MM-DD/,
    en: /YYYY-MM-DD/,
  },
  {
    name: "an unknown agency kind",
    change: (r) => (r.agency.kind = "ministry"),
    code: "SCHEMA-ENUM",
    pointer: "/agency/kind",
    labelPath: "机关 › 类型",
    zh: /应为以下之一：government, department, other/,
    en: /must be one of government, department, other/,
  },
  {
    name: "a year before the 2021 format",
    change: (r) => (r.year = 2020),
    code: "SCHEMA-MINIMUM",
    pointer: "/year",
    labelPath: "报告年度",
    zh: /2021 格式适用于 2021 年及以后.*2019 格式/,
    en: /2021 format.*2021 and later.*edition "2019"/,
  },
  {
    name: "an unknown edition",
    change: (r) => (r.edition = "2019x"),
    code: "SCHEMA-EDITION",
    pointer: "/edition",
    labelPath: "格式版本",
    zh: /格式版本应为 2019, 2021 之一（实际为 "2019x"）/,
    en: /edition must be one of 2019, 2021/,
  },
  {
    name: "a malformed 统一社会信用代码",
    change: (r) => (r.agency.creditCode = "91350100M000100YI3"),
    code: "SCHEMA-PATTERN",
    pointer: "/agency/creditCode",
    labelPath: "机关 › 统一社会信用代码",
    zh: /不含 I、O、Z、S、V/,
    en: /except I, O, Z, S, V/,
  },
];

describe.each(cases)("$name", (c) => {
  it("is one error on the cell, in zh-CN", () => {
    const report = base();
    c.change(report);
    const r = validate(report);
    expect(r.valid).toBe(false);
    const errors = r.issues.filter((i) => i.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: c.code, category: "schema", pointer: c.pointer, labelPath: c.labelPath });
    expect(errors[0]!.message).toMatch(c.zh);
  });
  it("and in en", () => {
    const report = base();
    c.change(report);
    const error = validate(report, { locale: "en" }).issues.find((i) => i.severity === "error")!;
    expect(error.message).toMatch(c.en);
  });
});

describe("text that real reports write is accepted", () => {
  it.each([
    [
      "angle brackets around Chinese, as in 《…<政府信息公开信息处理费管理办法>…》",
      "《国务院办公厅关于印发<政府信息公开信息处理费管理办法>的通知》",
    ],
    ["a comparison", "增长率 a < b 且 c > d"],
    ["template-looking braces", "{{constructor}} {{#each x}}"],
    ["U+2028 line separator and tabs", "第一行\u2028第二行\t制表"],
  ])("%s", (_name, s) => {
    const report = base();
    report.overview.paragraphs = [s];
    expect(validate(report).issues).toEqual([]);
  });

  it("the example report and the rule fixtures' base are schema-valid", () => {
    for (const path of [join(repoRoot, "examples/tacheng-2024/report.json"), join(schemaDir, "rules/fixtures/2021/base.json")]) {
      expect(validate(readJson(path)).issues.filter((i) => i.category === "schema")).toEqual([]);
    }
  });
});
