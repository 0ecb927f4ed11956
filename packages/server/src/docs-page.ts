// /docs: the OpenAPI document as a page a person reads, made from the document itself (no script,
// no stylesheet from elsewhere: the service may run where nothing outside is reachable).
const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Operation {
  summary?: string;
  parameters?: { name: string; in: string; schema?: { enum?: unknown[]; default?: unknown }; description?: string }[];
  requestBody?: { description?: string; content: Record<string, unknown> };
  responses: Record<string, { description: string; content?: Record<string, unknown> }>;
}

export function docsPage(doc: Record<string, unknown>): string {
  const info = doc.info as { title: string; version: string; description: string };
  const paths = doc.paths as Record<string, Record<string, Operation>>;
  let body = "";
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      body += `<section><h2><code>${esc(method.toUpperCase())} ${esc(path)}</code></h2><p>${esc(op.summary ?? "")}</p>`;
      if (op.parameters?.length) {
        body += "<h3>Parameters</h3><ul>";
        for (const p of op.parameters)
          body +=
            `<li><code>${esc(p.name)}</code> (${esc(p.in)})` +
            `${p.schema?.enum ? `: ${p.schema.enum.map((v) => `<code>${esc(v)}</code>`).join(" | ")}` : ""}` +
            `${p.description ? ` — ${esc(p.description)}` : ""}</li>`;
        body += "</ul>";
      }
      if (op.requestBody)
        body += `<h3>Body</h3><p>${esc(op.requestBody.description ?? "")}: ${Object.keys(op.requestBody.content)
          .map((t) => `<code>${esc(t)}</code>`)
          .join(", ")}</p>`;
      body += "<h3>Responses</h3><ul>";
      for (const [status, r] of Object.entries(op.responses))
        body += `<li><b>${esc(status)}</b> ${esc(r.description)}${
          r.content
            ? ` — ${Object.keys(r.content)
                .map((t) => `<code>${esc(t)}</code>`)
                .join(", ")}`
            : ""
        }</li>`;
      body += "</ul></section>\n";
    }
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(info.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}\
code{background:#f3f3f3;padding:0 .2em}section{border-top:1px solid #ddd}</style>
</head><body><h1>${esc(info.title)} <small>${esc(info.version)}</small></h1><p>${esc(info.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1, with each edition's report JSON Schema inside).</p>
${body}</body></html>
`;
}
