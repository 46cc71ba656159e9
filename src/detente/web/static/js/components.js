// Pieces shared by the pages: event cards, the event table and the cursor pager.

import { h, notice, route } from "./dom.js";
import { actorLink, goldsteinLabel, modalityBadge, quadClass, QUAD_NAMES, whenLabel } from "./format.js";

/** The evidence sentences of an event, each as a blockquote (text only). */
export function evidenceList(event) {
  const evidence = event.evidence || [];
  if (!evidence.length) return h("p", { class: "muted" }, "No evidence span stored.");
  return h("div", { class: "evidence-list" },
    evidence.map((e) => h("blockquote", { class: "evidence", dataset: { start: e.start, end: e.end } }, e.text)));
}

/** "Actor → EVENT → Recipient" (↔ when reciprocal). */
export function eventLine(event) {
  const arrow = event.reciprocal ? " ↔ " : " → ";
  return h("span", { class: "event-line" },
    actorLink(event.actor), arrow,
    h("strong", { class: "event-type", title: `CAMEO ${event.cameo}` }, event.event),
    arrow, actorLink(event.recipient));
}

/** One event as a card with its evidence sentences and a link to its article. */
export function eventCard(event) {
  const claimed = event.claimed_by
    ? h("span", { class: "claimed" }, " · claimed by ", actorLink(event.claimed_by)) : null;
  const where = event.where && event.where.name ? h("span", null, " · in ", event.where.name) : null;
  return h("li", { class: `event-card quad-${quadClass(event.quad_class)}`, dataset: { eventId: event.id } },
    h("div", { class: "event-head" },
      h("span", { class: "date" }, whenLabel(event)), " ",
      eventLine(event), " ",
      modalityBadge(event.modality)),
    h("div", { class: "event-meta muted" },
      `CAMEO ${event.cameo} · Goldstein ${goldsteinLabel(event.goldstein)} · `,
      `QuadClass ${event.quad_class} (${QUAD_NAMES[event.quad_class] || "?"})`,
      claimed, where),
    evidenceList(event),
    event.article_id
      ? h("a", { class: "article-link", href: route("article", event.article_id) },
        `Read the article (${event.article_date || event.article_id.slice(0, 10)})`)
      : null);
}

/**
 * A cursor pager over /api/events-like endpoints.
 * load(cursor) → Promise<{items, next}>; render(items, container) draws one page.
 * Keeps the cursors of earlier pages so "Previous" works without the server's help.
 */
export class CursorPager {
  constructor({ load, render, label }) {
    this.load = load;
    this.render = render;
    this.cursors = [null]; // cursor of page i (page 0 has none)
    this.page = 0;
    this.next = null;
    this.body = h("div", { class: "pager-body" });
    this.info = h("span", { class: "pager-info", "aria-live": "polite" });
    this.prevButton = h("button", { type: "button", class: "prev", on: { click: () => this.go(this.page - 1) } },
      "← Previous page");
    this.nextButton = h("button", { type: "button", class: "next", on: { click: () => this.go(this.page + 1) } },
      "Next page →");
    this.controls = h("nav", { class: "pager-controls", "aria-label": "Pages" }, this.prevButton, this.info, this.nextButton);
    this.element = h("section", { class: "pager", "aria-label": label || "Results" }, this.body, this.controls);
  }

  async go(page) {
    if (page < 0 || page >= this.cursors.length) return;
    this.prevButton.disabled = true;
    this.nextButton.disabled = true;
    this.body.setAttribute("aria-busy", "true");
    try {
      const result = await this.load(this.cursors[page]);
      this.page = page;
      this.next = result.next || null;
      this.cursors.length = page + 1;
      if (this.next) this.cursors.push(this.next);
      this.body.replaceChildren();
      this.render(result.items || [], this.body);
      const n = (result.items || []).length;
      this.info.textContent = n ? `Page ${page + 1} · ${n} shown${this.next ? "" : " · last page"}` : "No results";
    } catch (err) {
      this.body.replaceChildren(notice("error", err.message || String(err)));
    } finally {
      this.body.removeAttribute("aria-busy");
      this.prevButton.disabled = this.page === 0;
      this.nextButton.disabled = !this.next;
      this.controls.hidden = this.page === 0 && !this.next; // a single page needs no pager
    }
  }
}
