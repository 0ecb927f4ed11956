// The format's labels (headings, captions, row and column labels) of each edition, from
// @zfxxgk/schema's data files: imported as JSON because the package index reads them with Node's
// createRequire. A report's `edition` picks which.
import labels2021 from "@zfxxgk/schema/labels/2021.json" with { type: "json" };
import labels2019 from "@zfxxgk/schema/labels/2019.json" with { type: "json" };
import type { Edition, Labels } from "@zfxxgk/schema";
import { editions as modelEditions } from "@zfxxgk/edition";

export type { Edition };
/** The editions the page holds, newest first: those of the edition model (the 2021 format, the 2019 trial format). */
export const editions = modelEditions as readonly Edition[];

export const labelsOf: Record<Edition, Labels> = {
  "2021": labels2021 as unknown as Labels,
  "2019": labels2019 as unknown as Labels,
};

/** The 2021 edition's labels, the page's default. */
export const labels = labelsOf["2021"];

export const isEdition = (v: unknown): v is Edition => (editions as readonly unknown[]).includes(v);

/** A report's edition; anything else is laid out as 2021 (open-file refuses other editions). */
export const editionOf = (report: { edition?: unknown }): Edition => (report.edition === "2019" ? "2019" : "2021");
