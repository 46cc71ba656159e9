// Dyad: two actors' cooperation (QuadClass 1+2) vs conflict (3+4) per period, as a Chart.js timeline
// and as a table; choosing a period (click a bar, or its button in the table) lists its events.

import { get, seg } from "../api.js";
import { CursorPager, eventCard } from "../components.js";
import { h, notice, replace, route, routeWithQuery } from "../dom.js";
import { goldsteinLabel, plural } from "../format.js";
import { fillPeriods, periodEnd, periodLabel } from "../periods.js";

export const INTERVALS = ["day", "week", "month", "quarter", "year"];
const MAX_FILLED = 600; // fill empty periods up to this many bars; beyond, show only periods with events
const PAGE_SIZE = 50;

function dyadForm(a, b, interval, all) {
  const inputA = h("input", { id: "dyad-a", name: "a", value: a, required: true, autocomplete: "off", placeholder: "RUS" });
  const inputB = h("input", { id: "dyad-b", name: "b", value: b, required: true, autocomplete: "off", placeholder: "BLR" });
  const select = h("select", { id: "dyad-interval", name: "interval" },
    INTERVALS.map((i) => h("option", { value: i, selected: i === interval }, i)));
  const check = h("input", { id: "dyad-all", name: "all", type: "checkbox", checked: all });
  return h("form", {
    class: "filters", "aria-label": "Choose two actors",
    on: {
      submit: (event) => {
        event.preventDefault();
        const va = inputA.value.trim();
        const vb = inputB.value.trim();
        if (!va || !vb) return;
        window.location.hash = routeWithQuery(route("dyad", va, vb),
          { interval: select.value === "month" ? "" : select.value, all: check.checked ? "1" : "" });
      },
    },
  },
  h("div", { class: "field" }, h("label", { for: "dyad-a" }, "Actor A (id, name or ISO3)"), inputA),
  h("div", { class: "field" }, h("label", { for: "dyad-b" }, "Actor B"), inputB),
  h("div", { class: "field" }, h("label", { for: "dyad-interval" }, "Period"), select),
  h("div", { class: "field checkbox" }, check, h("label", { for: "dyad-all" }, "Count every modality (not only asserted)")),
  h("div", { class: "field" }, h("button", { type: "submit" }, "Show")));
}

function chartMissing() {
  return notice("warning",
    h("strong", null, "The chart library is not installed. "),
    "Run ", h("code", null, "make"), " (or ", h("code", null, "scripts/web_vendor.sh"), ") to copy Chart.js into ",
    h("code", null, "src/detente/web/static/vendor/"), ", then reload. The numbers are in the table below.");
}

/** Draw the timeline; onPick(index) is called with the clicked period's index. */
function drawChart(canvas, points, interval, onPick) {
  const Chart = window.Chart;
  const styles = getComputedStyle(document.documentElement);
  const coop = styles.getPropertyValue("--coop").trim() || "#1b7f4b";
  const conflict = styles.getPropertyValue("--conflict").trim() || "#b3261e";
  const mean = styles.getPropertyValue("--goldstein").trim() || "#444";
  return new Chart(canvas, {
    type: "bar",
    data: {
      labels: points.map((p) => periodLabel(p.period, interval, true)),
      datasets: [
        { label: "Cooperation (QuadClass 1+2)", data: points.map((p) => p.coop), backgroundColor: coop, yAxisID: "y" },
        { label: "Conflict (QuadClass 3+4)", data: points.map((p) => p.conflict), backgroundColor: conflict, yAxisID: "y" },
        {
          label: "Goldstein mean", type: "line", data: points.map((p) => (p.events ? p.goldstein_mean : null)),
          borderColor: mean, backgroundColor: mean, yAxisID: "g", spanGaps: true, pointRadius: 3, borderWidth: 1.5,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        y: { beginAtZero: true, title: { display: true, text: "events" }, ticks: { precision: 0 } },
        g: { position: "right", min: -10, max: 10, grid: { drawOnChartArea: false }, title: { display: true, text: "Goldstein mean" } },
      },
      plugins: {
        legend: { position: "bottom" },
        tooltip: { callbacks: { footer: (items) => (items.length ? "Click to list these events" : "") } },
      },
      onClick: (event, elements, chart) => {
        const hits = elements.length ? elements
          : chart.getElementsAtEventForMode(event, "index", { intersect: false }, true);
        if (hits.length) onPick(hits[0].index);
      },
      onHover: (event, elements) => {
        if (event.native && event.native.target) event.native.target.style.cursor = elements.length ? "pointer" : "default";
      },
    },
  });
}

function periodTable(points, interval, onPick) {
  const rows = points.filter((p) => p.events > 0);
  return h("table", { class: "data periods" },
    h("caption", null, `Periods with events (${interval})`),
    h("thead", null, h("tr", null,
      ["Period", "Cooperation (1+2)", "Conflict (3+4)", "Events", "Goldstein mean", ""].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", null, rows.map((p) => h("tr", { dataset: { period: p.period } },
      h("th", { scope: "row" }, periodLabel(p.period, interval)),
      h("td", { class: "num coop" }, p.coop),
      h("td", { class: "num conflict" }, p.conflict),
      h("td", { class: "num" }, p.events),
      h("td", { class: "num" }, goldsteinLabel(p.goldstein_mean)),
      h("td", null, h("button", {
        type: "button", class: "link-button",
        "aria-label": `Show the events of ${periodLabel(p.period, interval)}`,
        on: { click: () => onPick(points.indexOf(p)) },
      }, "Show events"))))));
}

export async function render(main, { parts, params, signal }) {
  const [a = "", b = ""] = parts;
  const interval = INTERVALS.includes(params.get("interval")) ? params.get("interval") : "month";
  const all = params.get("all") === "1";
  document.title = a && b ? `${a} ↔ ${b} · detente` : "Dyad · detente";
  const heading = h("h1", null, a && b ? `${a} ↔ ${b}` : "Dyad");
  replace(main, heading, dyadForm(a, b, interval, all));
  if (!a || !b) {
    main.append(notice("info", "Give two actors to see how their relations go over time, e.g. ",
      h("a", { href: route("dyad", "RUS", "BLR") }, "Russia and Belarus"), "."));
    return;
  }
  const data = await get(`dyads/${seg(a)}/${seg(b)}/series`, { interval, all_modalities: all }, signal);
  const raw = (data.items || []).map((p) => {
    const q = p.quad_class_counts || {};
    return {
      ...p,
      coop: (q["1"] || 0) + (q["2"] || 0),
      conflict: (q["3"] || 0) + (q["4"] || 0),
    };
  });
  const total = raw.reduce((n, p) => n + p.events, 0);
  const scope = all ? "every modality" : "asserted events only";
  heading.after(h("p", { class: "lede" },
    `${plural(total, "event")} between `, h("a", { href: route("actor", a) }, a), " and ",
    h("a", { href: route("actor", b) }, b), ` in either direction (${scope}), per ${interval}.`));
  if (!raw.length) {
    main.append(notice("info", "No events between these two actors. Try other names, ISO3 codes or ids, ",
      all ? "" : "count every modality, ", "or look them up on the ", h("a", { href: "#/search" }, "search page"), "."));
    return;
  }
  const points = fillPeriods(raw, interval, MAX_FILLED);
  const events = h("section", { id: "period-events", class: "period-events", "aria-live": "polite", "aria-labelledby": "period-heading" },
    h("h2", { id: "period-heading" }, "Events of a period"),
    h("p", { class: "muted" }, typeof window.Chart === "undefined"
      ? "Choose “Show events” in the table to list a period's events with their evidence."
      : "Click a bar of the chart, or “Show events” in the table, to list that period's events with their evidence."));

  let chart = null;
  const pick = (index) => {
    const p = points[index];
    if (!p) return;
    if (chart) {
      chart.setActiveElements([{ datasetIndex: 0, index }, { datasetIndex: 1, index }]);
      chart.update();
    }
    for (const row of main.querySelectorAll("table.periods tbody tr")) {
      if (row.dataset.period === p.period) row.setAttribute("aria-current", "true");
      else row.removeAttribute("aria-current");
    }
    showPeriod(events, { a, b, all, interval, period: p.period, signal });
  };

  const figure = h("figure", { class: "chart-figure" });
  main.append(figure);
  if (typeof window.Chart === "undefined") {
    figure.append(chartMissing());
  } else {
    const canvas = h("canvas", {
      id: "dyad-chart", role: "img",
      "aria-label": `Bar chart: events per ${interval} between ${a} and ${b}, cooperation against conflict. The same numbers are in the table below.`,
    });
    figure.append(h("div", { class: "chart-box" }, canvas),
      h("figcaption", null, `Cooperation (QuadClass 1 and 2) and conflict (QuadClass 3 and 4) per ${interval}, with the Goldstein mean (right axis).`));
    chart = drawChart(canvas, points, interval, pick);
  }
  main.append(periodTable(points, interval, pick), events);
  const rawPeriod = params.get("period");
  if (rawPeriod) {
    const index = points.findIndex((p) => p.period === rawPeriod);
    if (index >= 0) pick(index);
  }
}

async function showPeriod(section, { a, b, all, interval, period, signal }) {
  const until = periodEnd(period, interval);
  const label = periodLabel(period, interval);
  const pager = new CursorPager({
    label: `Events of ${label}`,
    load: (cursor) => get("events", {
      dyad: `${a},${b}`, since: period, until, modality: all ? "" : "asserted", limit: PAGE_SIZE, cursor,
    }, signal),
    render: (items, body) => {
      body.append(items.length
        ? h("ol", { class: "event-cards" }, items.map(eventCard))
        : notice("info", "No events in this period."));
    },
  });
  replace(section,
    h("h2", { id: "period-heading", tabindex: "-1" }, `Events of ${label}`),
    h("p", { class: "muted" }, `${period} – ${until}, ${a} ↔ ${b}${all ? "" : ", asserted only"}. `,
      h("a", { href: routeWithQuery("#/events", { dyad: `${a},${b}`, since: period, until, modality: all ? "" : "asserted" }) },
        "Open in the event table")),
    pager.element);
  section.dataset.period = period;
  section.dataset.until = until;
  delete section.dataset.loaded;
  await pager.go(0);
  section.dataset.loaded = period;
}
