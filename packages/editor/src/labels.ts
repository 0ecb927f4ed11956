// The format's labels (headings, captions, row and column labels) of each edition, from
// @zfxxgk/schema's data files: imported as JSON because the package index reads them with Node's
// createRequire. A report's `edition` picks which.
import labels2021 from "@zfxxgk/schema/labels/2021.json" with { type: "json" };
import labels2019 from "@zfxxgk/schema/labels/2019.json" with { type: "json" };
import type { Labels } from "@zfxxgk/schema";

/** The editions the page holds: the 2021 format and the 2019 trial format. */
export const editions = ["2021", "2019"] as const;
export type Edition = (typeof editions)[number];

export const labelsOf: Record<Edition, Labels> = {
  "2021": labels2021 as unknown as Labels,
  "2019": labels2019 as unknown as Labels,
};

/** The 2021 edition's labels, the page's default. */
export const labels = labelsOf["2021"];

export const isEdition = (v: unknown): v is Edition => (editions as readonly unknown[]).includes(v);

/** A report's edition; anything else is laid out as 2021 (open-file refuses other editions). */
export const editionOf = (report: { edition?: unknown }): Edition => (report.edition === "2019" ? "2019" : "2021");
