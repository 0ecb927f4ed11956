// The language of a problem: read from Accept-Language (RFC 9110 quality values), and the
// title and detail in it.
import { describe, expect, it } from "vitest";
import { HttpProblem, localeOf, problemBody } from "./problem.js";

describe("Accept-Language", () => {
  it.each([
    [undefined, "zh-CN"],
    ["", "zh-CN"],
    ["en", "en"],
    ["EN-us", "en"],
    ["en-GB,en;q=0.9,zh;q=0.5", "en"],
    ["zh-TW", "zh-CN"],
    ["zh-Hans-CN;q=0.8, en;q=0.9", "en"],
    ["fr", "zh-CN"],
    ["fr, en;q=0.1", "en"],
    ["en;q=0, zh;q=0.1", "zh-CN"],
    ["english", "zh-CN"],
  ])("%j reads %s", (header, locale) => {
    expect(localeOf(header)).toBe(locale);
  });
});

describe("problem bodies", () => {
  it("carry the title and the detail in the locale asked for", () => {
    const p = new HttpProblem("bad-request", { "zh-CN": "缺少参数 to", en: "the parameter to is missing" });
    expect(problemBody(p, "en", "/v1/migrate", "r1")).toMatchObject({
      title: "Bad request",
      detail: "the parameter to is missing",
      status: 400,
    });
    expect(problemBody(p, "zh-CN", "/v1/migrate", "r1")).toMatchObject({ title: "请求有误", detail: "缺少参数 to" });
  });
});
