// Search: articles by the words in their text, and an actor lookup (id, name or ISO3 country).

import { get } from "../api.js";
import { h, notice, replace, route, routeWithQuery } from "../dom.js";
import { plural } from "../format.js";

function searchForm(q) {
  const input = h("input", {
    id: "search-q", name: "q", type: "search", value: q, required: true, autocomplete: "off",
    placeholder: "e.g. Lukashenko mediator",
  });
  return h("form", {
    class: "inline-form", role: "search", "aria-label": "Search articles",
    on: {
      submit: (event) => {
        event.preventDefault();
        const value = input.value.trim();
        if (value) window.location.hash = routeWithQuery("#/search", { q: value });
      },
    },
  },
  h("label", { for: "search-q" }, "Words in the article text"), input, h("button", { type: "submit" }, "Search"));
}

function actorForm() {
  const input = h("input", {
    id: "actor-q", name: "actor", type: "text", required: true, autocomplete: "off",
    placeholder: "e.g. RUS or Alexander Lukashenko",
  });
  return h("form", {
    class: "inline-form", "aria-label": "Look up an actor",
    on: {
      submit: (event) => {
        event.preventDefault();
        const value = input.value.trim();
        if (value) window.location.hash = route("actor", value);
      },
    },
  },
  h("label", { for: "actor-q" }, "Actor id or full name"), input, h("button", { type: "submit" }, "Look up"));
}

function hit(item) {
  return h("li", { class: "search-hit" },
    h("a", { class: "hit-title", href: route("article", item.id) }, item.title || `Untitled article ${String(item.id).slice(0, 10)}`),
    h("div", { class: "muted" },
      [item.date, item.outlet, item.events !== undefined ? plural(item.events, "event") : null]
        .filter((x) => x !== null && x !== undefined && x !== "").join(" · ")),
    item.snippet ? h("p", { class: "snippet" }, item.snippet) : null);
}

export async function render(main, { params, signal }) {
  const q = (params.get("q") || "").trim();
  document.title = q ? `${q} · search · detente` : "Search · detente";
  const results = h("section", { class: "results", "aria-labelledby": "results-heading" });
  replace(main,
    h("h1", null, "Search"),
    h("section", { class: "card", "aria-labelledby": "articles-heading" },
      h("h2", { id: "articles-heading" }, "Articles"), searchForm(q)),
    results,
    h("section", { class: "card", "aria-labelledby": "actors-heading" },
      h("h2", { id: "actors-heading" }, "Actors"), actorForm(),
      h("p", { class: "muted" }, "Or compare two actors on the ", h("a", { href: "#/dyad/RUS/BLR" }, "dyad page"),
        ", or browse the ", h("a", { href: "#/events" }, "event table"), ".")));
  if (!q) return;
  const data = await get("search", { q, limit: 50 }, signal);
  const items = data.items || [];
  replace(results,
    h("h2", { id: "results-heading" }, `${plural(items.length, "article")} for “${q}”`),
    items.length
      ? h("ol", { class: "search-hits" }, items.map(hit))
      : notice("info", "No article contains these words."));
}
