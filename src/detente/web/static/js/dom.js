// Building DOM nodes safely: every piece of data becomes a text node or an attribute value, never markup.

/**
 * Create an element. attrs: plain attributes (strings/numbers/booleans), plus
 *   class: string, dataset: {k: v}, on: {event: handler}. Children: nodes, strings, numbers, null, arrays.
 * @param {string} tag
 * @param {Record<string, any>|null} [attrs]
 * @param {...any} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "on") {
      for (const [type, handler] of Object.entries(value)) el.addEventListener(type, handler);
    } else if (key === "dataset") {
      for (const [k, v] of Object.entries(value)) el.dataset[k] = String(v);
    } else if (key === "class") {
      el.className = String(value);
    } else if (value === true) {
      el.setAttribute(key, "");
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

/** Append children (nodes, text, numbers; arrays are flattened; null/undefined/false skipped). */
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
  return parent;
}

/** Replace all children of an element. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** A link to a hash route built from path parts (each part URI-encoded). */
export function route(...parts) {
  return "#/" + parts.map((p) => encodeURIComponent(String(p))).join("/");
}

/** A hash route with a query string (empty values dropped). */
export function routeWithQuery(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && String(v) !== "") qs.set(k, String(v));
  }
  const s = qs.toString();
  return path + (s ? "?" + s : "");
}

/** A short notice box: kind is "info", "error" or "warning". */
export function notice(kind, ...children) {
  return h("div", { class: `notice ${kind}`, role: kind === "error" ? "alert" : null }, ...children);
}
