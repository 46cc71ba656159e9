// Shared display helpers and the small vocabularies of the JSON contract.

import { h, route } from "./dom.js";

export const PLOVER_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];
export const MODALITIES = ["asserted", "negated", "hypothetical", "future", "claimed"];
export const QUAD_NAMES = {
  1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
};

/** An actor's display name: "Name (ISO3 SECTOR)", or its text, or "unknown". */
export function actorLabel(actor) {
  if (!actor) return "—";
  const name = actor.name || actor.text || actor.id || "unknown";
  const tags = [actor.country, actor.sector].filter(Boolean).join(" ");
  return tags ? `${name} (${tags})` : name;
}

/** An actor as a link to its page when it has an id, else plain text. */
export function actorLink(actor) {
  if (!actor) return h("span", { class: "muted" }, "—");
  const label = actorLabel(actor);
  const key = actor.id || actor.country;
  if (!key) return h("span", { class: "actor unknown", title: actor.text || "" }, label);
  return h("a", { class: "actor", href: route("actor", key), title: actor.text || null }, label);
}

/** "2023-06-23", or "2023-06 (month)" from an event's when; falls back to the article date. */
export function whenLabel(event) {
  const when = event.when || {};
  if (when.start) {
    const span = when.end && when.end !== when.start ? `${when.start} – ${when.end}` : when.start;
    return when.granularity && when.granularity !== "day" ? `${span} (${when.granularity})` : span;
  }
  return event.article_date ? `${event.article_date} (published)` : "—";
}

export function quadClass(q) {
  return Number(q) <= 2 ? "coop" : "conflict";
}

export function modalityBadge(modality) {
  return h("span", { class: `badge modality-${modality}` }, modality);
}

export function goldsteinLabel(g) {
  const n = Number(g);
  return Number.isFinite(n) ? (n > 0 ? "+" : "") + n.toFixed(1) : "—";
}

/** Human "N events" with correct plural. */
export function plural(n, word, words) {
  return `${n} ${n === 1 ? word : words || word + "s"}`;
}
