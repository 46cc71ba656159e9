// An article's original text with spans marked: evidence, repairs, mentions and quotes.
// Offsets in the JSON contract count Unicode code points (Python str indices); JavaScript strings
// index UTF-16 code units, so offsets are mapped first. Spans nest; a span crossing another's end
// is split into parts (data-part) so the DOM stays a tree.

import { h } from "./dom.js";

export const KIND_ORDER = { evidence: 0, quote: 1, mention: 2, repair: 3 };

/** code point index → UTF-16 index, for every index 0..length (inclusive). */
export function codePointMap(text) {
  const map = [0];
  let u16 = 0;
  for (const ch of text) {
    u16 += ch.length;
    map.push(u16);
  }
  return map;
}

function repairTitle(r) {
  const original = JSON.stringify(r.original ?? "");
  if (r.replacement === null || r.replacement === undefined) {
    return `${r.kind}: ${original} flagged${r.language ? ` (${r.language})` : ""}, not replaced`;
  }
  return `${r.kind}: ${original} → ${JSON.stringify(r.replacement)}`;
}

function who(actor) {
  if (!actor) return "unknown actor";
  return [actor.name || actor.text || actor.id, actor.id && actor.name ? actor.id : null].filter(Boolean).join(" · ");
}

/**
 * The spans to mark in an article (code point offsets), from the JSON contract fields.
 * Identical evidence spans of several events are merged into one with every label.
 * @returns {{start:number,end:number,kind:string,label:string,title:string,events?:string[]}[]}
 */
export function articleSpans(article) {
  const spans = [];
  const evidence = new Map();
  for (const event of article.events || []) {
    for (const e of event.evidence || []) {
      const key = `${e.start}:${e.end}`;
      const label = `${event.event} (${event.modality})`;
      const existing = evidence.get(key);
      if (existing) {
        existing.labels.push(label);
        existing.events.push(event.id);
      } else {
        evidence.set(key, { start: e.start, end: e.end, labels: [label], events: [event.id] });
      }
    }
  }
  for (const e of evidence.values()) {
    const label = e.labels.join("; ");
    spans.push({ start: e.start, end: e.end, kind: "evidence", label, title: `Evidence: ${label}`, events: e.events });
  }
  for (const r of article.repairs || []) {
    spans.push({ start: r.start, end: r.end, kind: "repair", label: r.kind, title: repairTitle(r), repair: r });
  }
  for (const m of article.mentions || []) {
    spans.push({ start: m.start, end: m.end, kind: "mention", label: who(m.actor), title: `Mention: ${who(m.actor)}` });
  }
  for (const q of article.quotes || []) {
    spans.push({ start: q.start, end: q.end, kind: "quote", label: who(q.speaker), title: `Quote by ${who(q.speaker)}` });
  }
  return spans;
}

/**
 * Nest spans into a tree over [0, length). Returns the root {start, end, children}.
 * Spans are clipped to the text; a span crossing its parent's end is split at that end.
 */
export function spanTree(spans, length) {
  const order = (a, b) => a.start - b.start || b.end - a.end || (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9);
  const queue = spans
    .map((s) => ({ ...s, start: Math.max(0, Math.min(s.start, length)), end: Math.max(0, Math.min(s.end, length)) }))
    .filter((s) => s.end > s.start || s.kind === "repair")
    .sort(order);
  const root = { start: 0, end: length, children: [], kind: null };
  const stack = [root];
  while (queue.length) {
    const span = queue.shift();
    while (stack.length > 1 && stack[stack.length - 1].end <= span.start) stack.pop();
    const parent = stack[stack.length - 1];
    let node = { ...span, children: [] };
    if (span.end > parent.end) {
      node = { ...span, end: parent.end, children: [], part: (span.part || 1) };
      const rest = { ...span, start: parent.end, part: (span.part || 1) + 1 };
      let i = 0;
      while (i < queue.length && order(queue[i], rest) <= 0) i++;
      queue.splice(i, 0, rest);
    }
    parent.children.push(node);
    if (node.end > node.start) stack.push(node);
  }
  return root;
}

/**
 * Render the text with <mark class="hl hl-KIND"> elements into a container element.
 * @param {string} text the article's original text
 * @param {ReturnType<typeof articleSpans>} spans code point offsets
 */
export function renderMarked(text, spans) {
  const map = codePointMap(text);
  const cpLength = map.length - 1;
  const root = spanTree(spans, cpLength);
  const slice = (a, b) => text.slice(map[a], map[b]);

  function build(node, into) {
    let at = node.start;
    for (const child of node.children) {
      if (child.start > at) into.appendChild(document.createTextNode(slice(at, child.start)));
      const mark = h("mark", {
        class: `hl hl-${child.kind}${child.end === child.start ? " hl-empty" : ""}`,
        title: child.title,
        dataset: {
          kind: child.kind,
          start: child.start,
          end: child.end,
          label: child.label,
          ...(child.part ? { part: child.part } : {}),
          ...(child.events ? { events: child.events.join(" ") } : {}),
        },
      });
      if (child.kind === "repair" && child.repair) {
        mark.dataset.original = child.repair.original ?? "";
        if (child.repair.replacement !== null && child.repair.replacement !== undefined) {
          mark.dataset.replacement = child.repair.replacement;
        }
      }
      build(child, mark);
      into.appendChild(mark);
      at = Math.max(at, child.end);
    }
    if (node.end > at) into.appendChild(document.createTextNode(slice(at, node.end)));
    return into;
  }

  return build(root, h("div", { class: "article-text" }));
}
