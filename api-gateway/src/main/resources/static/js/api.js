// The public REST API (/api/v1 on this same origin) with the signed-in user's token.
// The token lives in sessionStorage only: it is gone when the browser tab/session ends.

const TOKEN_KEY = 'focussync.token';

/** The signed-in token, or null. */
export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  sessionStorage.setItem(TOKEN_KEY, value);
}

export function clearToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** An answer that was not 2xx; `problem` is the RFC 9457 body when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** The validation errors: [{field, message}], empty when none. */
  get errors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

let onUnauthorized = () => {};

/** What to do when the API says 401 (the token is unknown, revoked or missing). */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

/**
 * Sends a request to /api/v1{path}; resolves with the parsed JSON (or null for no body).
 * Rejects with ApiError for non-2xx answers; a 401 also calls the unauthorized handler.
 */
export async function api(method, path, body, { signal, tokenOverride } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const bearer = tokenOverride || token();
  if (bearer) {
    headers.Authorization = `Bearer ${bearer}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    throw new ApiError(0, { title: 'Network error', detail: 'The server could not be reached.' });
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = null;
    }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, json);
    if (response.status === 401 && !tokenOverride) {
      onUnauthorized(error);
    }
    throw error;
  }
  return json;
}

export const get = (path, options) => api('GET', path, undefined, options);
export const put = (path, body) => api('PUT', path, body);
export const post = (path, body) => api('POST', path, body);
export const del = (path) => api('DELETE', path);

/** Encodes a path segment (session ids contain ':'; that stays readable and valid). */
export function seg(value) {
  return encodeURIComponent(value).replace(/%3A/gi, ':');
}
