// JSON over fetch with the antiforgery token on every change, and RFC 7807 problems turned into one readable line.

import { describeProblem, networkText, type ProblemText } from './one-language';

let antiforgery: { token: string; headerName: string } | null = null;

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly problem?: Problem) {
    super(message);
  }

  /** No answer came at all (network down, server gone): status 0, as a browser reports it. */
  get unanswered(): boolean {
    return this.status === 0;
  }
}

export type Problem = ProblemText;

async function send<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && antiforgery) headers[antiforgery.headerName] = antiforgery.token;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    // fetch only throws when no answer came (network down, server gone): say so in the page's language.
    throw new ApiError(0, networkText());
  }
  if (response.status === 401 && !url.startsWith('/api/auth/')) {
    // The cookie expired or was revoked: the page's sign-in form is the way back.
    location.reload();
  }
  const text = await response.text();
  const parsed = parseJson(text);
  if (!response.ok) throw new ApiError(response.status, describeProblem(response.status, parsed as Problem), parsed as Problem);
  return parsed as T;
}

/** A body that is not JSON (a proxy's error page) reads as no body: the status still says what happened. */
function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const getJson = <T>(url: string): Promise<T> => send<T>('GET', url);
export const postJson = <T>(url: string, body?: unknown): Promise<T> => send<T>('POST', url, body ?? {});
export const putJson = <T>(url: string, body: unknown): Promise<T> => send<T>('PUT', url, body);

const once = new Map<string, Promise<unknown>>();

/**
 * Reference data (areas, organisations, the catalogue) read once per page, however many places ask; a failed read
 * is forgotten, so the next ask tries again.
 */
export function getJsonOnce<T>(url: string): Promise<T> {
  let answer = once.get(url);
  if (!answer) {
    answer = getJson<T>(url);
    answer.catch(() => once.delete(url));
    once.set(url, answer);
  }
  return answer as Promise<T>;
}

/** Fetched once after sign-in; every POST/PUT carries it. */
export async function loadAntiforgery(): Promise<void> {
  antiforgery = await getJson<{ token: string; headerName: string }>('/api/auth/antiforgery');
}

/** Builds a query string from the defined values only. */
export function query(values: Record<string, string | number | boolean | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
