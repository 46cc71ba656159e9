// The event table: filters (actor, dyad, event type, modality, date range) kept in the URL, and
// pages fetched with the API's `next` cursor.

import { get } from "../api.js";
import { CursorPager } from "../components.js";
import { h, replace, route, routeWithQuery } from "../dom.js";
import { actorLink, goldsteinLabel, modalityBadge, MODALITIES, PLOVER_TYPES, quadClass, whenLabel } from "../format.js";

const PAGE_SIZES = [10, 25, 50, 100];
const FILTERS = ["actor", "dyad", "event", "modality", "since", "until", "limit"];

function field(id, labelText, control) {
  return h("div", { class: "field" }, h("label", { for: id }, labelText), control);
}

function filterForm(values) {
  const [dyadA = "", dyadB = ""] = (values.dyad || "").split(",");
  const actor = h("input", { id: "f-actor", name: "actor", value: values.actor || "", autocomplete: "off", placeholder: "RUS, Putin…" });
  const a = h("input", { id: "f-dyad-a", name: "dyad_a", value: dyadA, autocomplete: "off", placeholder: "RUS" });
  const b = h("input", { id: "f-dyad-b", name: "dyad_b", value: dyadB, autocomplete: "off", placeholder: "BLR" });
  const event = h("select", { id: "f-event", name: "event" },
    h("option", { value: "" }, "any"),
    PLOVER_TYPES.map((t) => h("option", { value: t, selected: values.event === t }, t)));
  const modality = h("select", { id: "f-modality", name: "modality" },
    h("option", { value: "" }, "any"),
    MODALITIES.map((m) => h("option", { value: m, selected: values.modality === m }, m)));
  const since = h("input", { id: "f-since", name: "since", type: "date", value: values.since || "" });
  const until = h("input", { id: "f-until", name: "until", type: "date", value: values.until || "" });
  const limit = h("select", { id: "f-limit", name: "limit" },
    PAGE_SIZES.map((n) => h("option", { value: n, selected: String(n) === String(values.limit || 25) }, n)));
  return h("form", {
    class: "filters", "aria-label": "Event filters",
    on: {
      submit: (e) => {
        e.preventDefault();
        const va = a.value.trim();
        const vb = b.value.trim();
        window.location.hash = routeWithQuery("#/events", {
          actor: actor.value.trim(),
          dyad: va && vb ? `${va},${vb}` : "",
          event: event.value,
          modality: modality.value,
          since: since.value,
          until: until.value,
          limit: limit.value === "25" ? "" : limit.value,
        });
      },
    },
  },
  field("f-actor", "Actor (either side)", actor),
  h("fieldset", { class: "field dyad-fields" }, h("legend", null, "Dyad (both, either direction)"),
    h("label", { for: "f-dyad-a", class: "visually-hidden" }, "Dyad actor A"), a,
    h("span", { "aria-hidden": "true" }, " ↔ "),
    h("label", { for: "f-dyad-b", class: "visually-hidden" }, "Dyad actor B"), b),
  field("f-event", "Event type", event),
  field("f-modality", "Modality", modality),
  field("f-since", "From (event date)", since),
  field("f-until", "To (event date)", until),
  field("f-limit", "Per page", limit),
  h("div", { class: "field buttons" },
    h("button", { type: "submit" }, "Filter"),
    h("a", { href: "#/events", class: "button secondary" }, "Clear")));
}

function evidenceText(event) {
  return (event.evidence || []).map((e) => e.text).join(" … ");
}

function table(items, body) {
  if (!items.length) {
    body.append(h("p", { class: "notice info" }, "No event matches these filters."));
    return;
  }
  body.append(h("div", { class: "table-scroll" }, h("table", { class: "data events-table" },
    h("caption", { class: "visually-hidden" }, "Events"),
    h("thead", null, h("tr", null,
      ["Date", "Actor", "Event", "Recipient", "Modality", "Goldstein", "Evidence", "Article"]
        .map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", null, items.map((e) => h("tr", { class: `quad-${quadClass(e.quad_class)}`, dataset: { eventId: e.id } },
      h("td", { class: "nowrap" }, whenLabel(e)),
      h("td", null, actorLink(e.actor)),
      h("td", null, h("strong", { title: `CAMEO ${e.cameo}, QuadClass ${e.quad_class}` }, e.event),
        e.reciprocal ? h("span", { class: "muted" }, " (reciprocal)") : null),
      h("td", null, actorLink(e.recipient)),
      h("td", null, modalityBadge(e.modality),
        e.claimed_by ? h("div", { class: "muted small" }, "claimed by ", actorLink(e.claimed_by)) : null),
      h("td", { class: "num" }, goldsteinLabel(e.goldstein)),
      h("td", { class: "evidence-cell" }, evidenceText(e)),
      h("td", { class: "nowrap" }, e.article_id
        ? h("a", { href: route("article", e.article_id), "aria-label": `Article of ${e.article_date || ""}` }, e.article_date || "article")
        : "—")))))));
}

export async function render(main, { params, signal }) {
  const values = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || ""]));
  document.title = "Events · detente";
  const limit = PAGE_SIZES.includes(Number(values.limit)) ? Number(values.limit) : 25;
  const active = FILTERS.filter((k) => k !== "limit" && values[k]).map((k) => `${k}: ${values[k]}`);
  const pager = new CursorPager({
    label: "Events",
    load: (cursor) => get("events", {
      actor: values.actor, dyad: values.dyad, event: values.event, modality: values.modality,
      since: values.since, until: values.until, limit, cursor,
    }, signal),
    render: table,
  });
  replace(main,
    h("h1", null, "Events"),
    filterForm(values),
    h("p", { class: "muted" }, active.length ? `Filtered by ${active.join(" · ")}` : "All events, oldest first."),
    pager.element);
  await pager.go(0);
}
