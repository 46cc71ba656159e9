// The JSON API under /api (same origin). Errors come back as {"error": {"code", "message"}}.

export class ApiError extends Error {
  /** @param {number} status @param {string} code @param {string} message */
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * GET /api/<path> with query params (empty values dropped); resolves to the parsed JSON.
 * @param {string} path e.g. "events" or "dyads/RUS/BLR/series"
 * @param {Record<string, any>} [params]
 * @param {AbortSignal} [signal]
 */
export async function get(path, params, signal) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && String(v) !== "") qs.set(k, String(v));
  }
  const url = "/api/" + path + (qs.toString() ? "?" + qs.toString() : "");
  let response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" }, signal });
  } catch (err) {
    if (err && err.name === "AbortError") throw err;
    throw new ApiError(0, "unreachable", "The detente server cannot be reached: is `detente serve` running?");
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = body && body.error ? body.error : {};
    throw new ApiError(response.status, error.code || `http_${response.status}`,
      error.message || `The server answered ${response.status} ${response.statusText}`);
  }
  return body;
}

/** Path segment escaping for /api/... URLs. */
export function seg(value) {
  return encodeURIComponent(String(value));
}
