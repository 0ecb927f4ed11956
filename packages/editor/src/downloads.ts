// Exports as downloads: JSON as the report is, HTML (page or fragment), XML and Word through the
// exporters' own packages, so the files are the ones `zfxxgk render` writes for the same report.
import { renderDocx } from "@zfxxgk/export-docx";
import { renderHtml } from "@zfxxgk/export-html";
import { renderXml } from "@zfxxgk/export-xml";

// both exporters take either edition and render it by the report's own `edition`
type HtmlReport = Parameters<typeof renderHtml>[0];
type XmlReport = Parameters<typeof renderXml>[0];

export type ExportKind = "json" | "html" | "fragment" | "xml" | "docx";

/** A file to download: text (written as UTF-8) or bytes (the .docx, as renderDocx gives them). */
export interface ExportedFile {
  name: string;
  type: string;
  text?: string;
  bytes?: Uint8Array;
}

export function exportFile(report: Record<string, unknown>, kind: ExportKind): ExportedFile {
  const base = `report-${typeof report.year === "number" ? report.year : "draft"}`;
  switch (kind) {
    case "json":
      return { name: `${base}.json`, type: "application/json", text: `${JSON.stringify(report, null, 2)}\n` };
    case "html":
      return { name: `${base}.html`, type: "text/html", text: renderHtml(report as unknown as HtmlReport, { mode: "document" }) };
    case "fragment":
      return { name: `${base}.fragment.html`, type: "text/html", text: renderHtml(report as unknown as HtmlReport, { mode: "fragment" }) };
    case "xml":
      return { name: `${base}.xml`, type: "application/xml", text: renderXml(report as unknown as XmlReport) };
    case "docx":
      return {
        name: `${base}.docx`,
        type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        bytes: renderDocx(report as unknown as XmlReport),
      };
  }
}

export function download(file: ExportedFile): void {
  const blob = file.bytes
    ? new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type })
    : new Blob([file.text ?? ""], { type: `${file.type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = file.name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
