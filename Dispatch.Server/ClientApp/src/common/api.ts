// JSON over fetch with the antiforgery token on every change, and RFC 7807 problems turned into one readable line.

let antiforgery: { token: string; headerName: string } | null = null;

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly problem?: Problem) {
    super(message);
  }
}

export interface Problem {
  title?: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

/** The sentence a person can act on: the problem's detail, else its title, else its field errors. */
export function describeProblem(status: number, problem: Problem | undefined): string {
  const fields = Object.values(problem?.errors ?? {}).flat();
  return problem?.detail || fields.join('；') || problem?.title || `HTTP ${status}`;
}

/** A server sentence in both languages ("中文 / English") in one of them; any other text as it is. */
export function inLanguage(text: string, lang: 'zh' | 'en'): string {
  const at = text.indexOf(' / ');
  if (at < 0) return text;
  return lang === 'zh' ? text.slice(0, at) : text.slice(at + 3);
}

/**
 * describeProblem in the page's language. The server writes titles and refusals in both languages but some details
 * and field errors in English only, so in Chinese the first bilingual sentence (the detail, else the title) is shown.
 */
export function describeProblemIn(lang: 'zh' | 'en', status: number, problem: Problem | undefined): string {
  const bilingual = [problem?.detail, problem?.title].find((text) => text?.includes(' / '));
  if (lang === 'zh' && bilingual) return inLanguage(bilingual, 'zh');
  return inLanguage(describeProblem(status, problem), lang);
}

async function send<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && antiforgery) headers[antiforgery.headerName] = antiforgery.token;
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401 && !url.startsWith('/api/auth/')) {
    // The cookie expired or was revoked: the page's sign-in form is the way back.
    location.reload();
  }
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiError(response.status, describeProblem(response.status, parsed as Problem), parsed as Problem);
  return parsed as T;
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
