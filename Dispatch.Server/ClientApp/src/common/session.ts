// The frame every page shares: a header (title, connection, who is signed in, language) and the sign-in form.
// Each page says which roles it serves; anyone else who signs in there is sent to the page for their role.

import { ApiError, getJson, loadAntiforgery, postJson } from './api';
import { type Bilingual, currentLang, fillStaticText, onLanguage, pick, setLanguage } from './i18n';
import { errorText } from './one-language';

export interface Me {
  userName: string;
  displayName: string;
  role: 'Operator' | 'Responder' | 'DepartmentHandler' | 'Supervisor' | 'Admin';
  scope: string | null;
}

export const homeOf = (role: Me['role']): string =>
  ({ Operator: '/', Admin: '/', Responder: '/responder.html', DepartmentHandler: '/desk.html', Supervisor: '/supervisor.html' })[role];

const SHELL_TEXT: Bilingual<Record<string, string>> = {
  zh: { loginTitle: '登录', userName: '用户名', password: '密码', signIn: '登录', logout: '退出', switchTo: 'English', waitingForNetwork: '没有网络：网络恢复后自动连接' },
  en: { loginTitle: 'Sign in', userName: 'User name', password: 'Password', signIn: 'Sign in', logout: 'Sign out', switchTo: '中文', waitingForNetwork: 'No network: connecting by itself when it returns' },
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
  <p class="waiting-for-network" data-testid="waiting-for-network" role="status" data-i18n="waitingForNetwork" hidden></p>
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
      // The login problem's title is the sentence ("用户名或密码错误 / Wrong user name or password"), in the page's language.
      showLogin(errorText(failure));
    }
  });

  whoami.querySelector('.logout')!.addEventListener('click', async () => {
    await postJson('/api/auth/logout').catch(() => undefined);
    location.reload();
  });

  // Opened without a network (the shell from the service worker's cache), "who am I" cannot be answered: that is no
  // reason to ask for a password. Say so, and carry on by itself once the network is back.
  const waiting = document.querySelector<HTMLElement>('[data-testid="waiting-for-network"]')!;
  const whoAmI = (): void => {
    getJson<Me>('/api/auth/me').then((me) => {
      waiting.hidden = true;
      return signedIn(me);
    }, (failure) => {
      if (failure instanceof ApiError && !failure.unanswered) {
        waiting.hidden = true;
        showLogin();
        return;
      }
      waiting.hidden = false;
      // Whichever comes first: the network returning, or 5 s (a server restarting looks the same from here).
      let again = false;
      const retry = () => {
        if (again) return;
        again = true;
        window.removeEventListener('online', retry);
        whoAmI();
      };
      window.addEventListener('online', retry);
      window.setTimeout(retry, 5000);
    });
  };
  whoAmI();
}

/** The header slot beside the title, for a page's own figures (a count, a clock). */
export const headerSlot = (): HTMLElement => document.querySelector<HTMLElement>('.bar-extra')!;

/** A link in the header to another page; `key` names its words in the page's text, so a language switch redraws it. */
export function headerLink(href: string, key: string, text: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.className = 'page-link';
  link.dataset.i18n = key;
  link.dataset.testid = `link-${key}`;
  link.textContent = text;
  headerSlot().append(link);
}
