// The validator's issues on the form: each error or warning marks its cell (or field) in place —
// aria-invalid, a class, the message beside the input for hover and focus — and the list below
// the form names every issue with a link that moves focus to its cell.
import type { Issue, ValidationResult } from "@zfxxgk/validator";
import { h } from "./dom.js";
import type { FormRefs } from "./form.js";
import { t, type Locale } from "./messages.js";

/** Issues by the pointer they name, errors first; info (a rule skipped over a blank) marks nothing. */
export function marksByPointer(issues: readonly Issue[]): Map<string, Issue[]> {
  const out = new Map<string, Issue[]>();
  for (const i of issues) {
    if (i.severity === "info") continue;
    const list = out.get(i.pointer) ?? [];
    list.push(i);
    out.set(i.pointer, list);
  }
  for (const list of out.values()) list.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return out;
}

/** The nearest input for a pointer: the cell itself, else the closest field above it (/agency for /agency/name missing). */
export function targetOf(pointer: string, refs: FormRefs): HTMLElement | undefined {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
    const el = refs.cells.get(p) ?? refs.fields.get(p);
    if (el) return el;
    if (p === "") return undefined;
  }
}

export class Marks {
  private marked = new Set<HTMLElement>();
  constructor(private refs: FormRefs) {}

  /** Clears the previous marks and sets the new ones; only touched elements are written. */
  apply(result: ValidationResult): void {
    const next = new Map<HTMLElement, Issue[]>();
    for (const [pointer, list] of marksByPointer(result.issues)) {
      const el = targetOf(pointer, this.refs);
      if (!el) continue;
      next.set(el, [...(next.get(el) ?? []), ...list]);
    }
    for (const el of this.marked) if (!next.has(el)) this.clear(el);
    for (const [el, list] of next) this.set(el, list);
    this.marked = new Set(next.keys());
  }

  private set(el: HTMLElement, list: Issue[]): void {
    const text = list.map((i) => i.message).join("\n");
    const error = list.some((i) => i.severity === "error");
    el.setAttribute("aria-invalid", error ? "true" : "false");
    el.classList.toggle("has-error", error);
    el.classList.toggle("has-warning", !error);
    el.title = text;
    const msg = el.id ? document.getElementById(`m${el.dataset.index ?? ""}`) : null;
    if (msg && msg.textContent !== text) msg.textContent = text;
  }

  private clear(el: HTMLElement): void {
    el.removeAttribute("aria-invalid");
    el.classList.remove("has-error", "has-warning");
    el.removeAttribute("title");
    const msg = el.dataset.index !== undefined ? document.getElementById(`m${el.dataset.index}`) : null;
    if (msg) msg.textContent = "";
  }
}

/** The list of issues: errors and warnings as links to their cells, notes folded below. */
export function issueList(result: ValidationResult, locale: Locale, refs: FormRefs): HTMLElement {
  const item = (i: Issue) => {
    const target = targetOf(i.pointer, refs);
    const text = `${t(locale, `severity_${i.severity}`)} ${i.code}: ${i.labelPath ? `${i.labelPath} — ` : ""}${i.message}`;
    return h(
      "li",
      { class: `issue ${i.severity}` },
      target ? h("a", { href: `#${target.id}`, "data-target": target.id, class: "goto" }, text) : text,
    );
  };
  const main = result.issues.filter((i) => i.severity !== "info");
  const info = result.issues.filter((i) => i.severity === "info");
  return h(
    "div",
    {},
    h("p", { class: "counts" }, t(locale, "counts", result.counts)),
    main.length ? h("ul", { class: "issues" }, ...main.map(item)) : h("p", {}, t(locale, "noIssues")),
    info.length
      ? h("details", {}, h("summary", {}, t(locale, "infoSummary", { n: info.length })), h("ul", { class: "issues" }, ...info.map(item)))
      : null,
  );
}
