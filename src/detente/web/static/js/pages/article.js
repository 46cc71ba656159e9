// An article: its original text with the evidence of every event highlighted, repairs marked
// (title: original → replacement), mentions and quotes; then its events and its repairs.

import { get, seg } from "../api.js";
import { eventCard } from "../components.js";
import { h, notice, replace } from "../dom.js";
import { plural } from "../format.js";
import { articleSpans, renderMarked } from "../highlight.js";

const KINDS = [
  ["evidence", "Evidence of events"],
  ["repair", "Repairs"],
  ["quote", "Quotes"],
  ["mention", "Actor mentions"],
];

/** Only http(s) links to the original: never javascript: or data: URLs from the data. */
function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function legend(textBox) {
  return h("fieldset", { class: "legend" }, h("legend", null, "Show in the text"),
    KINDS.map(([kind, label]) => {
      const id = `show-${kind}`;
      const shown = kind !== "mention"; // mentions are many: off until asked for
      textBox.classList.toggle(`hide-${kind}`, !shown);
      const box = h("input", {
        id, type: "checkbox", checked: shown,
        on: { change: (e) => textBox.classList.toggle(`hide-${kind}`, !e.target.checked) },
      });
      return h("span", { class: "legend-item" }, box,
        h("label", { for: id }, h("mark", { class: `hl hl-${kind} swatch`, "aria-hidden": "true" }, "abc"), " ", label));
    }));
}

function repairsTable(repairs) {
  if (!repairs.length) return h("p", { class: "muted" }, "No repair was needed.");
  return h("div", { class: "table-scroll" }, h("table", { class: "data repairs-table" },
    h("caption", { class: "visually-hidden" }, "Repairs"),
    h("thead", null, h("tr", null, ["Kind", "Original", "Replacement", "Offsets"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", null, repairs.map((r) => h("tr", null,
      h("td", null, r.kind, r.language ? ` (${r.language})` : ""),
      h("td", null, h("code", null, JSON.stringify(r.original))),
      h("td", null, r.replacement === null || r.replacement === undefined
        ? h("span", { class: "muted" }, "flagged, not replaced") : h("code", null, JSON.stringify(r.replacement))),
      h("td", { class: "num nowrap" }, `${r.start}–${r.end}`))))));
}

/** A heading for an article without a title: its first words. */
function untitled(text) {
  const words = text.trim().split(/\s+/).slice(0, 12).join(" ");
  return words ? `${words}…` : "(untitled article)";
}

export async function render(main, { parts, signal }) {
  const id = parts[0];
  if (!id) {
    replace(main, h("h1", null, "Article"), notice("info", "Find an article on the ", h("a", { href: "#/search" }, "search page"), "."));
    return;
  }
  const article = await get(`articles/${seg(id)}`, null, signal);
  const title = article.title || untitled(article.text || "");
  document.title = `${title} · detente`;
  const events = (article.events || []).map((e) => ({ ...e, article_id: article.id, article_date: article.date }));
  const repairs = article.repairs || [];
  const textBox = renderMarked(article.text || "", articleSpans(article));
  textBox.id = "article-text";
  textBox.setAttribute("aria-label", "Original article text");
  const url = article.url ? safeUrl(article.url) : null;
  replace(main,
    h("article", { class: "article", dataset: { articleId: article.id } },
      h("h1", null, title),
      h("p", { class: "muted" },
        [article.date, article.outlet, plural(events.length, "event"), plural(repairs.length, "repair")].filter(Boolean).join(" · "),
        url ? [" · ", h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original")] : null,
        " · id ", h("code", null, article.id)),
      legend(textBox),
      h("section", { "aria-labelledby": "text-heading" },
        h("h2", { id: "text-heading", class: "visually-hidden" }, "Text"),
        textBox),
      h("section", { "aria-labelledby": "events-heading" },
        h("h2", { id: "events-heading" }, `Events (${events.length})`),
        events.length ? h("ol", { class: "event-cards" }, events.map(eventCard)) : notice("info", "No event was found in this article.")),
      h("section", { "aria-labelledby": "repairs-heading" },
        h("h2", { id: "repairs-heading" }, `Repairs (${repairs.length})`),
        repairsTable(repairs))));
}
