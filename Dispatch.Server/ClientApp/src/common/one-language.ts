// One language at a time: the server writes its sentences as "中文 / English" (problem titles, routing reasons,
// refusals) so that any client can read them; a page shows only the half in its own language, and says in its own
// words what the server could not (a lost network, an English-only detail, the system as an actor).

import { currentLang, pick, type Bilingual, type Lang } from './i18n';

const HAN = /[\u3400-\u9fff]/;
const SEPARATOR = ' / ';

/**
 * The half of a "中文 / English" sentence in the language asked for; a sentence in one language only comes back as
 * it is. The split is at the first " / " with Chinese before it and none after, so a slash inside either half
 * (an address, "119/120") does not cut it.
 */
export function inLanguage(text: string, lang: Lang = currentLang()): string {
  let at = text.indexOf(SEPARATOR);
  while (at >= 0) {
    const zh = text.slice(0, at);
    const en = text.slice(at + SEPARATOR.length);
    if (HAN.test(zh) && !HAN.test(en)) return (lang === 'zh' ? zh : en).trim();
    at = text.indexOf(SEPARATOR, at + 1);
  }
  return text;
}

/** Whether a sentence can be shown on a page in that language as it is. */
export function readableIn(text: string, lang: Lang = currentLang()): boolean {
  return lang === 'en' ? !HAN.test(text) : HAN.test(text) || !/[a-z]{3,}/i.test(text);
}

const STATUS_TEXT: Bilingual<{ status: (status: number) => string; network: string; system: string; unexpected: string }> = {
  zh: {
    status: (status) => status === 400 ? '提交的内容有误' : status === 403 ? '无权操作' : status === 404 ? '未找到，或不在您的辖区'
      : status === 409 ? '当前状态不允许此操作' : status === 413 ? '内容过长' : status === 429 ? '操作过于频繁，请稍后再试'
      : status >= 500 ? '服务器暂时无法处理，请稍后再试' : `请求未成功（${status}）`,
    network: '网络中断，请检查网络后重试',
    system: '系统',
    unexpected: '页面出错，请刷新后重试',
  },
  en: {
    status: (status) => status === 400 ? 'The request was not valid' : status === 403 ? 'Not allowed' : status === 404 ? 'Not found, or outside your areas'
      : status === 409 ? 'Not possible in the current state' : status === 413 ? 'Too long' : status === 429 ? 'Too many attempts; try again shortly'
      : status >= 500 ? 'The server could not do it now; try again shortly' : `The request failed (${status})`,
    network: 'The network is down; check it and try again',
    system: 'System',
    unexpected: 'The page went wrong; reload it and try again',
  },
};

export interface ProblemText {
  title?: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

/**
 * The sentence a person can act on, in the page's language only: the detail and field errors where they read in
 * that language (or have a half in it), else the title's half, else what the status means.
 */
export function describeProblem(status: number, problem: ProblemText | undefined, lang: Lang = currentLang()): string {
  const said = [problem?.detail, ...Object.values(problem?.errors ?? {}).flat()]
    .filter((text): text is string => !!text)
    .map((text) => inLanguage(text, lang))
    .filter((text) => readableIn(text, lang));
  const title = problem?.title ? inLanguage(problem.title, lang) : '';
  const heading = title && readableIn(title, lang) ? title : STATUS_TEXT[lang].status(status);
  const details = said.filter((text) => text !== heading);
  const [colon, semicolon] = lang === 'zh' ? ['：', '；'] : [': ', '; '];
  return details.length ? heading + colon + details.join(semicolon) : heading;
}

/** What a failed fetch (no network, server gone) says, instead of "TypeError: Failed to fetch". */
export const networkText = (): string => pick(STATUS_TEXT).network;

/** The audit log's "system" (automatic steps) in the page's words; people keep their names. */
export const actorName = (actor: string): string => (actor === 'system' ? pick(STATUS_TEXT).system : actor);

/**
 * What a failed action says on the page: the server's answer (already in the page's language), else a sentence of
 * the page's own — never "TypeError: …". The error itself goes to the console for whoever debugs it.
 */
export function errorText(error: unknown): string {
  if (error instanceof Error && 'status' in error) return error.message;
  console.error(error);
  return pick(STATUS_TEXT).unexpected;
}
