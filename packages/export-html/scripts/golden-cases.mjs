// The golden files: which report, rendered how, into which file of golden/. Shared by the
// golden test and scripts/update-golden.mjs, so both mean the same files.
export const goldenCases = [
  { file: "tacheng-2024.html", report: "examples/tacheng-2024/report.json", options: { mode: "document" } },
  { file: "tacheng-2024.fragment.html", report: "examples/tacheng-2024/report.json", options: { mode: "fragment" } },
];

export const updateHint = "run `node packages/export-html/scripts/update-golden.mjs` from the repository root, and review the diff before committing";
