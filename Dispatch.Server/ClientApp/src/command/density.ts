// 紧凑 / 宽松: compact one-line rows by default (a wall display must show a busy shift's queue beside the map), the
// stacked rows on request; the choice is kept in this browser.

import { onLanguage, pick } from '../common/i18n';
import { TEXT } from './text';

const KEY = 'dispatch.density';

export function densityToggle(storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'density';
  button.dataset.testid = 'density-toggle';
  const apply = (comfortable: boolean) => {
    document.body.classList.toggle('comfortable', comfortable);
    const t = pick(TEXT);
    // The button names the layout it switches to.
    button.textContent = comfortable ? t.densityCompact : t.densityComfortable;
    button.title = t.density;
    button.setAttribute('aria-pressed', String(!comfortable));
  };
  apply(storage.getItem(KEY) === 'comfortable');
  button.addEventListener('click', () => {
    const comfortable = !document.body.classList.contains('comfortable');
    storage.setItem(KEY, comfortable ? 'comfortable' : 'compact');
    apply(comfortable);
  });
  onLanguage(() => apply(document.body.classList.contains('comfortable')));
  return button;
}
