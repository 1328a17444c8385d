// The one way the web app talks to the API: same-origin JSON over fetch, the session's CSRF token
// on every non-GET request, problem+json turned into ApiError, and a hook for "signed out" (401).
import { ApiError, parseProblem } from "./problem.ts";

let csrfToken: string | null = null;
let onUnauthenticated: ((key: string) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called with the problem key when a request comes back 401, so the app can go to sign-in. */
export function setUnauthenticatedHandler(handler: ((key: string) => void) | null): void {
  onUnauthenticated = handler;
}

export interface RequestOptions {
  /** Do not call the unauthenticated handler on 401 (session probe, sign-in). */
  allow401?: boolean;
  signal?: AbortSignal;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}) {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? null : JSON.stringify(body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network");
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const error = parseProblem(response.status, data);
    if (response.status === 401 && !options.allow401) onUnauthenticated?.(error.key);
    throw error;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>("GET", path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>("POST", path, body ?? {}, options),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, body),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
};

export { ApiError };
