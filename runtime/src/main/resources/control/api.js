// The JSON API, as the panel uses it: the session cookie plus the CSRF header on every change.
let csrf = null;

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function toLogin() {
  location.replace('/login');
  return new Promise(() => {}); // the page is going away
}

async function errorOf(response) {
  const body = await response.json().catch(() => null);
  return new ApiError(response.status, (body && body.error) || `HTTP ${response.status}`);
}

export async function startSession() {
  const response = await fetch('/api/session', { cache: 'no-store', credentials: 'same-origin' });
  if (response.status === 401) return toLogin();
  if (!response.ok) throw await errorOf(response);
  csrf = (await response.json()).csrf;
}

export async function get(path) {
  const response = await fetch(path, { cache: 'no-store', credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) return toLogin();
  if (!response.ok) throw await errorOf(response);
  return response.json();
}

export async function send(method, path, body) {
  const headers = { Accept: 'application/json', 'X-Liquide-CSRF': csrf ?? '' };
  const init = { method, headers, cache: 'no-store', credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (response.status === 401) return toLogin();
  if (!response.ok) throw await errorOf(response);
  return response.json();
}

export const post = (path, body) => send('POST', path, body);
export const put = (path, body) => send('PUT', path, body);

/** The latest preview as a Blob, or null when unchanged since `etag` (304) or not there yet (404). */
export async function preview(output, etag) {
  const headers = etag ? { 'If-None-Match': etag } : {};
  const response = await fetch(`/api/preview/${encodeURIComponent(output)}.jpg`, { cache: 'no-store', credentials: 'same-origin', headers });
  if (response.status === 401) return toLogin();
  if (response.status === 304 || response.status === 404) return { blob: null, etag, missing: response.status === 404 };
  if (!response.ok) throw await errorOf(response);
  return { blob: await response.blob(), etag: response.headers.get('ETag'), missing: false };
}
