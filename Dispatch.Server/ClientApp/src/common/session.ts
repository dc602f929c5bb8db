// The frame every page shares: a header (title, connection, who is signed in, language) and the sign-in form.
// Each page says which roles it serves; anyone else who signs in there is sent to the page for their role.

import { ApiError, getJson, loadAntiforgery, postJson } from './api';
import { type Bilingual, currentLang, fillStaticText, onLanguage, pick, setLanguage } from './i18n';

export interface Me {
  userName: string;
  displayName: string;
  role: 'Operator' | 'Responder' | 'DepartmentHandler' | 'Supervisor' | 'Admin';
  scope: string | null;
}

export const homeOf = (role: Me['role']): string =>
  ({ Operator: '/', Admin: '/', Responder: '/responder.html', DepartmentHandler: '/desk.html', Supervisor: '/supervisor.html' })[role];

const SHELL_TEXT: Bilingual<Record<string, string>> = {
  zh: { loginTitle: '登录', userName: '用户名', password: '密码', signIn: '登录', logout: '退出', switchTo: 'English' },
  en: { loginTitle: 'Sign in', userName: 'User name', password: 'Password', signIn: 'Sign in', logout: 'Sign out', switchTo: '中文' },
};

const SHELL_HTML = `
  <header class="bar">
    <h1 data-i18n="title"></h1>
    <div class="bar-extra"></div>
    <p class="connection" role="status" data-testid="connection-state" data-state="disconnected">
      <span class="connection-label"></span>
    </p>
    <p class="whoami" data-testid="whoami" hidden><span class="who"></span>
      <button type="button" class="logout" data-testid="logout" data-i18n="logout"></button></p>
    <button type="button" class="lang" data-testid="lang-toggle"></button>
  </header>
  <section class="login" data-testid="login" hidden aria-labelledby="login-heading">
    <form class="login-form">
      <h2 id="login-heading" data-i18n="loginTitle"></h2>
      <label><span data-i18n="userName"></span>
        <input name="userName" autocomplete="username" required data-testid="login-user"></label>
      <label><span data-i18n="password"></span>
        <input name="password" type="password" autocomplete="current-password" required data-testid="login-password"></label>
      <button type="submit" data-testid="login-submit" data-i18n="signIn"></button>
      <p class="login-error" role="alert" data-testid="login-error"></p>
    </form>
  </section>`;

export interface PageOptions {
  /** The page's own words; `title` names it in the header and the tab. */
  text: Bilingual<{ title: string } & Record<string, unknown>>;
  roles: ReadonlyArray<Me['role']>;
  /** Called once, signed in with a role this page serves and the antiforgery token loaded. */
  start: (me: Me) => void | Promise<void>;
}

export function startPage(options: PageOptions): void {
  document.body.insertAdjacentHTML('afterbegin', SHELL_HTML);
  const header = document.querySelector<HTMLElement>('header.bar')!;
  const login = document.querySelector<HTMLElement>('[data-testid="login"]')!;
  const form = login.querySelector('form')!;
  const error = login.querySelector<HTMLElement>('[data-testid="login-error"]')!;
  const whoami = header.querySelector<HTMLElement>('[data-testid="whoami"]')!;
  const toggle = header.querySelector<HTMLButtonElement>('[data-testid="lang-toggle"]')!;
  const main = document.querySelector<HTMLElement>('main')!;

  onLanguage(() => {
    const text = { ...pick(SHELL_TEXT), ...pick(options.text) };
    document.documentElement.lang = currentLang() === 'zh' ? 'zh-CN' : 'en';
    document.title = pick(options.text).title;
    fillStaticText(document, text);
    toggle.textContent = pick(SHELL_TEXT).switchTo;
    toggle.lang = currentLang() === 'zh' ? 'en' : 'zh-CN';
  });
  toggle.addEventListener('click', () => setLanguage(currentLang() === 'zh' ? 'en' : 'zh'));

  const showLogin = (message = '') => {
    login.hidden = false;
    main.hidden = true;
    whoami.hidden = true;
    error.textContent = message;
  };

  const signedIn = async (me: Me) => {
    if (!options.roles.includes(me.role)) {
      location.replace(homeOf(me.role));
      return;
    }
    whoami.querySelector('.who')!.textContent = `${me.displayName} (${me.userName})`;
    whoami.hidden = false;
    login.hidden = true;
    main.hidden = false;
    await loadAntiforgery();
    await options.start(me);
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      const me = await postJson<Me>('/api/auth/login', { userName: data.get('userName'), password: data.get('password') });
      form.reset();
      await signedIn(me);
    } catch (failure) {
      // The login problem's title is the bilingual sentence ("用户名或密码错误 / Wrong user name or password").
      showLogin(failure instanceof ApiError ? (failure.problem?.title ?? failure.message) : String(failure));
    }
  });

  whoami.querySelector('.logout')!.addEventListener('click', async () => {
    await postJson('/api/auth/logout').catch(() => undefined);
    location.reload();
  });

  getJson<Me>('/api/auth/me').then(signedIn, () => showLogin());
}

/** The header slot beside the title, for a page's own figures (a count, a clock). */
export const headerSlot = (): HTMLElement => document.querySelector<HTMLElement>('.bar-extra')!;
