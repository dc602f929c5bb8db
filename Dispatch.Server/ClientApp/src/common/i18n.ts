// Chinese first, English on a switch; the choice is remembered per browser and shared by every page.

export type Lang = 'zh' | 'en';
export type Bilingual<T> = { zh: T; en: T };

const KEY = 'dispatch.lang';
let lang: Lang = localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';
const listeners: Array<() => void> = [];

export const currentLang = (): Lang => lang;

/** The dictionary entry for the current language. */
export const pick = <T>(text: Bilingual<T>): T => text[lang];

/** Runs now and after every switch, so a page redraws its text in one place. */
export function onLanguage(listener: () => void): void {
  listeners.push(listener);
  listener();
}

export function setLanguage(next: Lang): void {
  lang = next;
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  for (const listener of listeners) listener();
}

/** Fills every `[data-i18n]` element from the dictionary: the static words of a page live in its HTML, keyed. */
export function fillStaticText(root: ParentNode, text: Record<string, unknown>): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const value = text[element.dataset.i18n ?? ''];
    if (typeof value === 'string') element.textContent = value;
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]')) {
    const value = text[element.dataset.i18nPlaceholder ?? ''];
    if (typeof value === 'string' && 'placeholder' in element) (element as HTMLInputElement).placeholder = value;
  }
}
