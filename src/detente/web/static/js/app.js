// The single-page app: a hash router over the pages. Every page gets {parts, params, signal}.
//   #/search?q=…   #/events?actor=…   #/dyad/A/B?interval=month   #/actor/ID   #/article/ID

import { get } from "./api.js";
import { h, notice, replace } from "./dom.js";
import * as actorPage from "./pages/actor.js";
import * as articlePage from "./pages/article.js";
import * as dyadPage from "./pages/dyad.js";
import * as eventsPage from "./pages/events.js";
import * as searchPage from "./pages/search.js";

const PAGES = {
  "": searchPage,
  search: searchPage,
  events: eventsPage,
  dyad: dyadPage,
  actor: actorPage,
  article: articlePage,
};

let current = null; // AbortController of the page being shown

/** Split "#/dyad/RUS/BLR?interval=month" into decoded parts and params. */
export function parseHash(hash) {
  const raw = (hash || "").replace(/^#\/?/, "");
  const q = raw.indexOf("?");
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : "");
  const parts = path.split("/").filter((p) => p !== "").map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return { parts, params };
}

function highlightNav(name) {
  for (const link of document.querySelectorAll("[data-nav]")) {
    if (link.dataset.nav === name) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

async function show() {
  const hash = window.location.hash;
  if (hash && !hash.startsWith("#/")) return; // an in-page anchor, not a route
  const { parts, params } = parseHash(hash);
  const name = parts[0] || "";
  const page = PAGES[name];
  const main = document.getElementById("main");
  if (current) current.abort();
  current = new AbortController();
  const { signal } = current;
  highlightNav(name || "search");
  document.getElementById("status").textContent = "";
  if (!page) {
    replace(main, h("h1", null, "Page not found"),
      notice("error", "There is no page ", h("code", null, hash), ". ", h("a", { href: "#/" }, "Go to search.")));
    document.title = "Not found · detente";
    return;
  }
  main.setAttribute("aria-busy", "true");
  try {
    await page.render(main, { parts: parts.slice(1), params, signal });
  } catch (err) {
    if (err && err.name === "AbortError") return;
    replace(main, h("h1", null, "Something went wrong"), notice("error", err && err.message ? err.message : String(err)));
  } finally {
    if (!signal.aborted) {
      main.removeAttribute("aria-busy");
      document.body.dataset.ready = name || "search";
    }
  }
}

async function showStats() {
  const el = document.getElementById("stats");
  try {
    const s = await get("stats");
    el.textContent = `${s.articles ?? "?"} articles · ${s.events ?? "?"} events · ${s.actors ?? "?"} actors in the store`;
  } catch (err) {
    el.textContent = `Store statistics unavailable: ${err.message || err}`;
  }
}

document.querySelector(".skip-link")?.addEventListener("click", (event) => {
  event.preventDefault();
  document.getElementById("main").focus();
});
window.addEventListener("hashchange", () => {
  delete document.body.dataset.ready;
  show();
});
show();
showStats();
