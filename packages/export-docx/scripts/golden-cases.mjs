// The golden files: which report goes into which file of golden/. Shared by the golden test and
// scripts/update-golden.mjs, so both mean the same files.
export const goldenCases = [{ file: "tacheng-2024.docx", report: "examples/tacheng-2024/report.json" }];

export const updateHint =
  "run `node packages/export-docx/scripts/update-golden.mjs` from the repository root, open the .docx and review it before committing";
