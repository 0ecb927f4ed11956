// The golden files: which report, rendered how, into which file of golden/. Shared by the
// golden test and scripts/update-golden.mjs, so both mean the same files.
export const goldenCases = [
  { file: "tacheng-2024.html", report: "examples/tacheng-2024/report.json", options: { mode: "document" } },
  { file: "tacheng-2024.fragment.html", report: "examples/tacheng-2024/report.json", options: { mode: "fragment" } },
  // the 2019 trial edition: 平潭综合实验区's 2019 figures (the schema's rule-test base for that edition)
  { file: "pingtan-2019.html", report: "packages/schema/rules/fixtures/2019/base.json", options: { mode: "document" } },
];

export const updateHint =
  "run `node packages/export-html/scripts/update-golden.mjs` from the repository root, and review the diff before committing";
