// An actor: who it is, how many events, its top partners (each a link to the dyad page), its event
// types per month (chart and table), and its latest events.
// Profile: {id, name, country, sector, events, asserted, partners: [{id, name, country, events}],
//           timeline: [{period, counts: {TYPE: n}}], latest: [EVENT...]}

import { ApiError, get, seg } from "../api.js";
import { eventCard } from "../components.js";
import { h, notice, replace, route, routeWithQuery } from "../dom.js";
import { PLOVER_TYPES, plural } from "../format.js";
import { periodLabel } from "../periods.js";

function lookupForm(value) {
  const input = h("input", {
    id: "actor-id", name: "actor", value: value || "", required: true, autocomplete: "off", placeholder: "RUS, Lukashenko…",
  });
  return h("form", {
    class: "inline-form", "aria-label": "Look up an actor",
    on: {
      submit: (e) => {
        e.preventDefault();
        const v = input.value.trim();
        if (v) window.location.hash = route("actor", v);
      },
    },
  }, h("label", { for: "actor-id" }, "Actor id or name"), input, h("button", { type: "submit" }, "Look up"));
}

function partnersList(self, partners) {
  return h("ol", { class: "partners" }, partners.map((p) => {
    const key = p.id || p.country;
    const name = p.name || p.id || p.country || "unknown";
    return h("li", null,
      key ? h("a", { href: route("dyad", self, key), "aria-label": `${name}: dyad page` }, name) : name,
      p.country && p.country !== name ? h("span", { class: "muted" }, ` (${p.country})`) : null,
      h("span", { class: "muted" }, ` · ${plural(Number(p.events) || 0, "event")}`));
  }));
}

/** Event types per month: the types present, in PLOVER order (cooperation first). */
function typesOf(timeline) {
  const present = new Set(timeline.flatMap((m) => Object.keys(m.counts || {})));
  return [...PLOVER_TYPES.filter((t) => present.has(t)), ...[...present].filter((t) => !PLOVER_TYPES.includes(t)).sort()];
}

function timelineTable(self, timeline, types) {
  return h("div", { class: "table-scroll" }, h("table", { class: "data timeline" },
    h("caption", { class: "visually-hidden" }, "Asserted events per month and type"),
    h("thead", null, h("tr", null, h("th", { scope: "col" }, "Month"),
      types.map((t) => h("th", { scope: "col", class: "num" },
        h("a", { href: routeWithQuery("#/events", { actor: self, event: t, modality: "asserted" }) }, t))))),
    h("tbody", null, timeline.map((m) => h("tr", null,
      h("th", { scope: "row" }, periodLabel(m.period, "month")),
      types.map((t) => h("td", { class: "num" }, m.counts[t] ? String(m.counts[t]) : "·")))))));
}

const TYPE_COLORS = [
  "#1b7f4b", "#2f9e63", "#4fb37d", "#7cc89b", "#a6dcb9", "#3a7cc2", "#6aa3d9", "#9b7dc9",
  "#e0a526", "#d9822b", "#c8642d", "#b3261e", "#8f1d17", "#6e3a8a", "#4d4d4d", "#222222",
];

function timelineChart(canvas, timeline, types) {
  return new window.Chart(canvas, {
    type: "bar",
    data: {
      labels: timeline.map((m) => periodLabel(m.period, "month", true)),
      datasets: types.map((t) => ({
        label: t,
        data: timeline.map((m) => m.counts[t] || 0),
        backgroundColor: TYPE_COLORS[Math.max(0, PLOVER_TYPES.indexOf(t))] || "#888",
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: "bottom" } },
    },
  });
}

export async function render(main, { parts, signal }) {
  const id = parts[0] || "";
  document.title = id ? `${id} · actor · detente` : "Actor · detente";
  if (!id) {
    replace(main, h("h1", null, "Actor"), lookupForm(""),
      notice("info", "Try ", h("a", { href: route("actor", "RUS") }, "RUS"), ", ",
        h("a", { href: route("actor", "BLR") }, "BLR"), " or a name such as ",
        h("a", { href: route("actor", "Alexander Lukashenko") }, "Alexander Lukashenko"), "."));
    return;
  }
  let profile;
  try {
    profile = await get(`actors/${seg(id)}`, { top: 10 }, signal);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      replace(main, h("h1", null, id), lookupForm(id),
        notice("info", `No actor “${id}” in the store (actors are looked up by id or full name). `,
          h("a", { href: routeWithQuery("#/search", { q: id }) }, "Search the articles"), " or ",
          h("a", { href: routeWithQuery("#/events", { actor: id }) }, "the events"), " for it instead?"));
      return;
    }
    throw err;
  }
  const self = profile.id || id;
  const name = profile.name || self;
  document.title = `${name} · actor · detente`;
  const partners = profile.partners || [];
  const timeline = profile.timeline || [];
  const latest = profile.latest || [];
  const types = typesOf(timeline);
  const facts = [["Id", profile.id], ["Country", profile.country], ["Sector", profile.sector],
    ["Events", profile.events], ["Asserted", profile.asserted]]
    .filter(([, v]) => v !== undefined && v !== null && v !== "");

  const chartBox = h("div", { class: "chart-box small-chart" });
  replace(main,
    h("h1", null, name),
    h("dl", { class: "facts" }, facts.map(([k, v]) => h("div", null, h("dt", null, k), h("dd", null, String(v))))),
    h("p", null, h("a", { href: routeWithQuery("#/events", { actor: self }) }, `All events of ${name} in the event table`)),
    h("section", { "aria-labelledby": "partners-heading" },
      h("h2", { id: "partners-heading" }, "Top partners"),
      h("p", { class: "muted small" }, "Asserted events with each; a partner opens the dyad page."),
      partners.length ? partnersList(self, partners) : h("p", { class: "muted" }, "No partner in asserted events.")),
    h("section", { "aria-labelledby": "types-heading" },
      h("h2", { id: "types-heading" }, "Event types over time"),
      timeline.length
        ? [h("figure", { class: "chart-figure" }, chartBox,
          h("figcaption", null, "Asserted events per month, by PLOVER type (the same numbers are in the table).")),
        timelineTable(self, timeline, types)]
        : h("p", { class: "muted" }, "No asserted event.")),
    h("section", { "aria-labelledby": "latest-heading" },
      h("h2", { id: "latest-heading" }, "Latest events"),
      latest.length ? h("ol", { class: "event-cards" }, latest.map(eventCard)) : h("p", { class: "muted" }, "None.")),
    h("h2", null, "Another actor"),
    lookupForm(""));
  if (timeline.length) {
    if (typeof window.Chart === "undefined") {
      chartBox.replaceWith(notice("warning", "The chart library is not installed: run ", h("code", null, "make"),
        " (or ", h("code", null, "scripts/web_vendor.sh"), ") and reload."));
    } else {
      const canvas = h("canvas", { id: "actor-chart", role: "img", "aria-label": `Bar chart: ${name}'s asserted events per month by type` });
      chartBox.append(canvas);
      timelineChart(canvas, timeline, types);
    }
  }
}
