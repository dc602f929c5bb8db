// 历史: the incidents the live queue does not keep — the closed ones by default — filtered by status, kind, category,
// community and organisation, or searched for (words, address, the digits a caller's number shows, the incident id),
// a page at a time from GET /api/incidents, and read again while on screen whenever the hub says an incident opened
// or changed. A row opens the incident's detail as a queue row does. The live queue is untouched by any of this:
// every open incident stays there. Server data reaches the page as text only.

import { getJson } from '../common/api';
import { pick } from '../common/i18n';
import type { IncidentPage, IncidentSummary } from '../common/model';
import { errorText } from '../common/one-language';
import { dateTime } from '../common/time';
import { type Field, fillOptions } from './dialog';
import { button, el } from './dom';
import { categoryOptions, communityOptions, organisationOptions } from './lookups';
import { categoryOf, kindOf } from './queue';
import { TEXT } from './text';

export const HISTORY_PAGE_SIZE = 20;
/** The server's limit on the search text (IncidentEndpoints.MaxSearchLength). */
const MAX_SEARCH_LENGTH = 100;
/** Long enough not to ask the server at every keystroke, short enough to feel immediate. */
const SEARCH_DELAY_MS = 350;
/** A burst of pushes (a busy minute, a dispatch and its steps) is one read of the page on screen. */
const LIVE_DELAY_MS = 500;

export interface HistoryFilters { status: string; kind: string; category: string; community: string; organisation: string; q: string }

/** What the history shows first: the closed incidents, which the live queue keeps only the newest of. */
export const FIRST_FILTERS: HistoryFilters = { status: 'Closed', kind: '', category: '', community: '', organisation: '', q: '' };

/** The list's address for these filters and this page; blank filters are left out. */
export function historyUrl(filters: HistoryFilters, page: number, pageSize = HISTORY_PAGE_SIZE): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value.trim()) query.set(name, value.trim());
  query.set('page', String(page));
  query.set('pageSize', String(pageSize));
  return `/api/incidents?${query}`;
}

/** How many pages `total` incidents fill: one at least, so that none still reads "1 / 1". */
export const pageCount = (total: number, pageSize = HISTORY_PAGE_SIZE): number => Math.max(1, Math.ceil(total / pageSize));


type Choice = Exclude<keyof HistoryFilters, 'q'>;
type Options = NonNullable<Field['options']>;

export class HistoryPanel {
  private filters: HistoryFilters = { ...FIRST_FILTERS };
  private page = 1;
  private result: IncidentPage | null = null;
  private error = '';
  /** The latest request: an answer to an older one (slower, or overtaken by typing) is dropped. */
  private asked = 0;
  private typing: number | undefined;
  private visible = false;
  private refresh: number | undefined;
  private lookups: Partial<Record<Choice, Options>> | null = null;
  // Built once and kept: redrawing them would take the focus and the caret from someone typing.
  private readonly choices = {} as Record<Choice, HTMLSelectElement>;
  private readonly search = el('input', { testid: 'history-search' });
  private readonly list = el('ul', { className: 'history-list', testid: 'history-list' });
  private readonly previous: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly where = el('p', { className: 'history-page', testid: 'history-page' });
  private readonly refusal = el('p', { className: 'refusal', testid: 'history-error' });

  constructor(root: HTMLElement, private readonly select: (id: string) => void) {
    const bar = el('div', { className: 'history-filters' });
    bar.setAttribute('role', 'search');
    this.search.type = 'search';
    this.search.maxLength = MAX_SEARCH_LENGTH;
    this.search.addEventListener('input', () => {
      window.clearTimeout(this.typing);
      this.typing = window.setTimeout(() => this.filter('q', this.search.value), SEARCH_DELAY_MS);
    });
    this.search.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') this.filter('q', this.search.value);
    });
    bar.append(this.search);
    for (const name of ['status', 'kind', 'category', 'community', 'organisation'] as const) {
      const choice = el('select', { testid: `history-filter-${name}` });
      choice.addEventListener('change', () => this.filter(name, choice.value));
      this.choices[name] = choice;
      bar.append(choice);
    }
    this.previous = button('', 'history-previous', () => this.go(this.page - 1), 'action');
    this.next = button('', 'history-next', () => this.go(this.page + 1), 'action');
    this.refusal.setAttribute('role', 'alert');
    this.refusal.hidden = true;
    root.replaceChildren(bar, this.refusal, this.list, el('div', { className: 'history-pager' }, this.previous, this.where, this.next));
    this.render();
  }

  /** The tab is hidden: pushes no longer re-read the page (it is read again when shown). */
  hide(): void {
    this.visible = false;
    window.clearTimeout(this.refresh);
    this.refresh = undefined;
  }

  /**
   * An incident opened or changed (pushed by the command hub): while the tab is on screen, the page on screen is
   * read again with its filters, so an incident that just closed, or a new one that matches, shows without a click.
   */
  changed(): void {
    if (!this.visible || this.refresh !== undefined) return;
    this.refresh = window.setTimeout(() => {
      this.refresh = undefined;
      if (this.visible) void this.load();
    }, LIVE_DELAY_MS);
  }

  /** The tab is shown: the choices are read once, the page again (incidents close while nobody looks). */
  async show(): Promise<void> {
    this.visible = true;
    if (!this.lookups) {
      const [category, community, organisation] = await Promise.all(
        [categoryOptions(), communityOptions(), organisationOptions()].map((read) => read.catch(() => [] as Options)));
      this.lookups = { category, community, organisation };
      this.label();
    }
    await this.load();
  }

  /** Every word in the page's language: the choices, the rows, the pager. */
  render(): void {
    this.label();
    this.draw();
  }

  /** A choice or the search changed: back to page 1. The search box is read as it stands, typed but not yet sent. */
  private filter(name: keyof HistoryFilters, value: string): void {
    window.clearTimeout(this.typing);
    const next: HistoryFilters = { ...this.filters, q: this.search.value.trim(), [name]: value.trim() };
    if (JSON.stringify(next) === JSON.stringify(this.filters)) return;
    this.filters = next;
    this.go(1);
  }

  private go(page: number): void {
    this.page = Math.max(1, page);
    void this.load();
  }

  private async load(): Promise<void> {
    const asked = ++this.asked;
    this.list.setAttribute('aria-busy', 'true');
    try {
      const result = await getJson<IncidentPage>(historyUrl(this.filters, this.page));
      if (asked !== this.asked) return;
      // Fewer incidents than before (a narrower filter elsewhere, a purge): the last page that has some.
      if (result.items.length === 0 && this.page > pageCount(result.total)) {
        this.go(pageCount(result.total));
        return;
      }
      [this.result, this.error] = [result, ''];
    } catch (error) {
      if (asked !== this.asked) return;
      this.error = errorText(error);
    }
    this.list.removeAttribute('aria-busy');
    this.draw();
  }

  private label(): void {
    const t = pick(TEXT);
    this.search.placeholder = t.historySearch;
    this.search.setAttribute('aria-label', t.historySearch);
    const kinds = ['Police', 'NonPolice', 'Dispute', 'Unknown'] as const;
    const all: Record<Choice, [string, Options]> = {
      status: [t.historyStatusAll, Object.entries(t.status).map(([value, label]) => ({ value, label }))],
      kind: [t.historyKindAll, kinds.map((kind) => ({ value: kind, label: t.kind[kind] }))],
      category: [t.historyCategoryAll, this.lookups?.category ?? []],
      community: [t.historyCommunityAll, this.lookups?.community ?? []],
      organisation: [t.historyOrganisationAll, this.lookups?.organisation ?? []],
    };
    for (const [name, [none, options]] of Object.entries(all) as Array<[Choice, [string, Options]]>) {
      const choice = this.choices[name];
      choice.setAttribute('aria-label', none);
      choice.replaceChildren(new Option(none, ''));
      fillOptions(choice, options);
      choice.value = this.filters[name];
    }
  }

  private draw(): void {
    const t = pick(TEXT);
    const items = this.result?.items ?? [];
    this.list.replaceChildren(...items.map((incident) => this.row(incident)));
    if (this.result && items.length === 0) this.list.append(el('li', { className: 'hint', text: t.historyEmpty }));
    const pages = pageCount(this.result?.total ?? 0);
    this.where.textContent = this.result ? t.historyPage(this.page, pages, this.result.total) : '';
    this.previous.textContent = t.historyPrevious;
    this.next.textContent = t.historyNext;
    this.previous.disabled = this.page <= 1;
    this.next.disabled = this.page >= pages;
    this.refusal.textContent = this.error;
    this.refusal.hidden = !this.error;
  }

  private row(incident: IncidentSummary): HTMLLIElement {
    const t = pick(TEXT);
    const kind = el('span', { className: 'badge', text: t.kind[kindOf(incident)], data: { kind: kindOf(incident) } });
    const status = el('span', { className: 'pill', text: t.status[incident.status] ?? incident.status, data: { status: incident.status } });
    const where = incident.jurisdiction;
    const place = [incident.address, where?.community?.name ?? where?.street?.name, incident.routing?.organisation?.name].filter(Boolean).join(' · ');
    const row = el('li', { testid: 'history-row', data: { incidentId: incident.id, status: incident.status } },
      el('span', { className: 'when', text: dateTime(incident.receivedAt) }), kind, status,
      el('span', { className: 'short-id', text: `#${incident.id.slice(0, 8)}` }),
      el('p', { className: 'words' }, el('strong', { text: categoryOf(incident) }), document.createTextNode(` ${incident.description}`)),
      el('p', { className: 'place', text: place }));
    row.title = incident.description;
    row.tabIndex = 0;
    row.addEventListener('click', () => this.select(incident.id));
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') this.select(incident.id);
    });
    return row;
  }
}
