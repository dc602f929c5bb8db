// The side panels as tabs: one shows at a time; the tab labels carry the triage and task-order counts. A panel that
// reads when it is looked at (the history) is told when its tab is shown.

export type Tab = 'detail' | 'triage' | 'board' | 'units' | 'history';

export function tabs(shown: (tab: Tab) => void = () => {}): (tab: Tab) => void {
  const show = (tab: Tab) => {
    for (const button of document.querySelectorAll<HTMLButtonElement>('[role=tab]')) {
      const selected = button.id === `tab-${tab}`;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
      document.getElementById(button.getAttribute('aria-controls')!)!.hidden = !selected;
    }
    shown(tab);
  };
  for (const button of document.querySelectorAll<HTMLButtonElement>('[role=tab]')) {
    button.addEventListener('click', () => show(button.id.slice('tab-'.length) as Tab));
  }
  return show;
}
