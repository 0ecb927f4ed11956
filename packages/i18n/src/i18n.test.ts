import { describe, expect, it } from "vitest";
import { format, getAt, localeOf, LocalisedError, MAX_DEPTH, pointerOf, say, segments, setAt, tooDeep } from "./index.js";

describe("messages", () => {
  it("fill {name} from vars and keep an unknown name visible", () => {
    expect(format("应为{expected}，实际为 {actual}", { expected: "整数", actual: 1.5 })).toBe("应为整数，实际为 1.5");
    expect(format("{missing} stays", {})).toBe("{missing} stays");
    // a var named like an Object.prototype member is not read from the prototype
    expect(format("{constructor}", {})).toBe("{constructor}");
  });

  it("pick the locale, zh-CN unless en is asked for", () => {
    expect([localeOf("en"), localeOf("zh-CN"), localeOf("fr"), localeOf(undefined)]).toEqual(["en", "zh-CN", "zh-CN", "zh-CN"]);
    const catalogue = { hello: { "zh-CN": "你好，{name}", en: "hello, {name}" } };
    expect(say(catalogue, "hello", "en", { name: "塔城" })).toBe("hello, 塔城");
  });

  it("carry the code and both languages in an error", () => {
    class ThingError extends LocalisedError<"BAD"> {}
    const e = new ThingError("BAD", LocalisedError.text({ "zh-CN": "坏了：{x}", en: "broken: {x}" }, { x: 1 }), "en");
    expect(e).toBeInstanceOf(Error);
    expect([e.name, e.code, e.message, e.messages["zh-CN"]]).toEqual(["ThingError", "BAD", "broken: 1", "坏了：1"]);
  });
});

describe("JSON pointers (RFC 6901)", () => {
  it("read and write through escaped keys", () => {
    const doc: Record<string, unknown> = {};
    setAt(doc, "/a~1b/c~0d", 1);
    expect(doc).toEqual({ "a/b": { "c~d": 1 } });
    expect(getAt(doc, "/a~1b/c~0d")).toBe(1);
    expect(segments("/a~1b/c~0d")).toEqual(["a/b", "c~d"]);
    expect(pointerOf(["a/b", "c~d"])).toBe("/a~1b/c~0d");
    expect(getAt(doc, "/a~1b/missing/deeper")).toBeUndefined();
    setAt(doc, "/a~1b/c~0d", undefined);
    expect(doc).toEqual({ "a/b": {} });
  });

  it("never read from the prototype", () => {
    expect(getAt({}, "/constructor")).toBeUndefined();
    expect(getAt({}, "/__proto__")).toBeUndefined();
    expect(() => setAt({}, "/__proto__/polluted", 1)).toThrow(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("nesting guard", () => {
  it("refuses past the limit, without recursion", () => {
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(tooDeep(deep)).toBe(true);
    let ok: unknown = 0;
    for (let i = 0; i < MAX_DEPTH; i++) ok = { x: ok };
    expect(tooDeep(ok)).toBe(false);
    expect(tooDeep({ x: ok })).toBe(true);
  });
});
