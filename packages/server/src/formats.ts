// The render formats, as a table: a format is a content type and a function from a validated
// report to bytes. The exporters are imported on first use, so a service that never renders XML
// never loads its templates. More formats plug in through ServerOptions.formats without touching
// the routes: PDF (@zfxxgk/export-pdf) runs Chromium per document, which wants a pool of its own
// before it is offered to every client, so it is not built in.
import type { Report } from "@zfxxgk/types";
import type { Locale } from "./problem.js";

export interface RenderFormat {
  contentType: string;
  /** what the format is, for the OpenAPI document */
  description: string;
  /** whether ?fragment=true means something for this format */
  fragment?: boolean;
  render: (report: Report, options: { locale: Locale; fragment: boolean }) => Promise<string | Uint8Array>;
}

export const builtInFormats: Record<string, RenderFormat> = {
  html: {
    contentType: "text/html; charset=utf-8",
    description: "the official layout as a page, or with fragment=true the <article> for a CMS",
    fragment: true,
    render: async (report, { locale, fragment }) => {
      const { renderHtml } = await import("@zfxxgk/export-html");
      return renderHtml(report, { mode: fragment ? "fragment" : "document", locale });
    },
  },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    description: "a Word document in the official layout (@zfxxgk/export-docx)",
    render: async (report, { locale }) => {
      const { renderDocx } = await import("@zfxxgk/export-docx");
      return renderDocx(report, { locale });
    },
  },
  xml: {
    contentType: "application/xml; charset=utf-8",
    description: "XML in the edition's namespace, valid against its XSD",
    render: async (report, { locale }) => {
      const { renderXml } = await import("@zfxxgk/export-xml");
      return renderXml(report, { locale });
    },
  },
};

/** Content types /v1/import reads as a raw body; the importer tells the format from the bytes. */
export const importTypes = [
  "application/pdf",
  "text/html",
  "text/plain",
  "application/octet-stream",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/msword",
];
