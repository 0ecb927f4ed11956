// The 2021 format's labels (headings, captions, row and column labels) from @zfxxgk/schema's data
// file: imported as JSON because the package index reads it with Node's createRequire.
import labels2021 from "@zfxxgk/schema/labels/2021.json" with { type: "json" };
import type { Labels } from "@zfxxgk/schema";

export const labels = labels2021 as unknown as Labels;
