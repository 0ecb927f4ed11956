// One cell per line, with every line end a crawler or an editor writes: the rows rebuilt from the
// spacing read the report back cell for cell, a blank cell (an empty line) as null.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importReport } from "../index.js";
import { cellPerLineText } from "../test-support/cell-per-line.js";
import { example } from "../test-support/paths.js";

const base = JSON.parse(readFileSync(example, "utf8"));

function cellsOf(report: Record<string, any>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (o: unknown, p: string) => {
    if (o !== null && typeof o === "object" && !Array.isArray(o)) for (const [k, v] of Object.entries(o)) walk(v, `${p}/${k}`);
    else out[p] = o;
  };
  for (const t of ["proactiveDisclosure", "applications", "reviewAndLitigation"]) walk(report[t], `/${t}`);
  return Object.fromEntries(Object.entries(out).filter(([k]) => !k.endsWith("/notes")));
}

// the example with blank cells where crawlers meet them: a row's last cell, a cell between figures,
// a row's first figure, and table 四 left partly blank
const withBlanks = structuredClone(base);
withBlanks.applications.carriedOver.total = null;
withBlanks.applications.results.denied.stateSecret.researchInstitution = null;
withBlanks.applications.results.unableToProvide.notHeld.naturalPerson = null;
withBlanks.proactiveDisclosure.article20Item1.normativeDocuments.repealedThisYear = null;
withBlanks.reviewAndLitigation.litigation.direct.pending = null;

describe.each([
  ["LF", "\n"],
  ["CRLF", "\r\n"],
  ["bare CR", "\r"],
  ["U+2028", "\u2028"],
  ["U+2029", "\u2029"],
])("line ends %s", (_name, eol) => {
  it.each([
    ["the example as it is", base],
    ["with blank cells first, last and between figures", withBlanks],
  ])("%s: every cell read back", async (_what, report) => {
    const r = await importReport(cellPerLineText(report, eol));
    expect(cellsOf(r.report as never)).toEqual(cellsOf(report));
    expect(r.status).toBe("complete");
    expect(r.report!.title).toBe(report.title);
  });
});

describe("not rebuilt where the spacing does not show rows", () => {
  it("cells all equally spaced (reading-order text from a PDF): no cell placed by the spacing", async () => {
    // every cell one empty line from the next, blank cells dropped: where a row ends is not known
    const text = cellPerLineText(withBlanks, "\n").replace(/\n{2,}/g, "\n\n");
    const r = await importReport(text);
    const got = cellsOf(r.report as never);
    const want = cellsOf(withBlanks);
    const wrong = Object.entries(got).filter(([k, v]) => v !== null && v !== want[k]);
    expect(wrong).toEqual([]);
  });
});
