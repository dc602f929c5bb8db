// Says so when the phone has no network: the shell may come from the service worker's cache, the data never does.

import { type Bilingual, onLanguage, pick } from '../common/i18n';

export function showOffline(text: Bilingual<{ offline: string }>): void {
  const banner = document.querySelector<HTMLElement>('[data-testid=offline-banner]')!;
  const update = () => {
    banner.textContent = pick(text).offline;
    banner.hidden = navigator.onLine;
  };
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  onLanguage(update);
}
