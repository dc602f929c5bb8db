// 接警录入: a call taken by phone or at the window, entered by the operator and sent through the same intake path as
// the 110 platform's alerts (POST /api/intake/alerts), so it is classified, located, routed and clocked the same way.
// What the operator types goes out as JSON and comes back as text; nothing here is parsed as HTML.

import { getJson, postJson } from '../common/api';
import { pick } from '../common/i18n';
import { DispatchMap } from '../common/map';
import type { GeoPoint } from '../common/model';
import { fillOptions, filterOptions } from './dialog';
import { button, el } from './dom';
import { categoryOptions } from './lookups';
import { PANEL_TEXT } from './panel-text';
import { errorText } from '../common/one-language';

interface Suggestion { categoryCode: string | null; categoryName: string | null; confidence: number; needsTriage: boolean; urgent: boolean }
interface AddressHit { id: string; address: string; location: GeoPoint }

/** A reference the operator's call keeps if sent twice (a double click): the same id opens one incident. */
export function manualAlertId(now: Date, random: () => number = Math.random): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  return `manual-${day}-${Math.floor(random() * 0xffffffff).toString(16).padStart(8, '0')}`;
}

function debounce(wait: number, run: () => void): () => void {
  let timer: number | undefined;
  return () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, wait);
  };
}

export function manualEntryButton(select: (incidentId: string) => void): HTMLButtonElement {
  return button(pick(PANEL_TEXT).manualEntry, 'manual-entry', () => void openManualEntry(select), 'action manual-entry');
}

async function openManualEntry(select: (incidentId: string) => void): Promise<void> {
  const t = pick(PANEL_TEXT);
  const alertId = manualAlertId(new Date());
  let location: GeoPoint | null = null;
  let categoryTouched = false;

  const description = el('textarea', { testid: 'manual-description' });
  description.required = true;
  description.rows = 3;
  description.maxLength = 2000;
  const suggestion = el('p', { className: 'hint', testid: 'manual-suggestion', text: t.suggestionNone });
  const category = el('select', { testid: 'manual-category' });
  category.append(new Option(t.categoryAuto, ''));
  const search = el('input', { testid: 'manual-category-search' });
  search.type = 'search';
  search.placeholder = t.search;
  search.addEventListener('input', () => filterOptions(category, search.value));
  category.addEventListener('change', () => (categoryTouched = true));
  const address = el('input', { testid: 'manual-address' });
  address.maxLength = 200;
  const hits = el('ul', { className: 'address-hits', testid: 'manual-address-hits' });
  const where = el('p', { className: 'hint', testid: 'manual-location', text: t.locationNone });
  const mapBox = el('div', { className: 'manual-map', testid: 'manual-map' });
  const phone = el('input', { testid: 'manual-phone' });
  phone.type = 'tel';
  phone.maxLength = 32;
  phone.pattern = '[0-9+\\- ]*';
  const error = el('p', { className: 'refusal', testid: 'manual-error' });
  error.setAttribute('role', 'alert');

  const dialog = el('dialog', { className: 'action-dialog manual-dialog', testid: 'manual-dialog' });
  const form = el('form', {}, el('h2', { text: t.manualEntry }),
    el('label', {}, el('span', { text: t.manualDescription }), description), suggestion,
    el('label', {}, el('span', { text: t.categoryField }), search, category),
    el('label', {}, el('span', { text: t.manualAddress }), address), hits,
    el('p', { className: 'hint', text: t.pickOnMap }), mapBox, where,
    el('label', {}, el('span', { text: t.manualPhone }), phone),
    error);
  const submit = el('button', { testid: 'manual-submit', text: t.submit });
  const cancel = button(t.cancel, 'manual-cancel', () => dialog.close(), 'secondary');
  form.append(el('p', { className: 'dialog-buttons' }, cancel, submit));
  dialog.append(form);
  document.body.append(dialog);
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();

  const map = new DispatchMap(mapBox);
  const place = (at: GeoPoint, label: string) => {
    location = at;
    where.textContent = t.locationAt(at.lat.toFixed(5), at.lon.toFixed(5));
    where.dataset.lat = String(at.lat);
    where.dataset.lon = String(at.lon);
    map.upsert('incident', { id: 'manual', lat: at.lat, lon: at.lon, state: 'Open', label });
  };
  map.onPick((lon, lat) => place({ lon, lat }, address.value.trim() || t.manualEntry));
  map.load('street,community', true).catch((failure) => console.warn('Could not load the map', failure));

  void categoryOptions().then((options) => fillOptions(category, options ?? []))
    .catch((failure) => console.warn('Could not load the catalogue', failure));

  // The category the classifier would give, as the operator types: a suggestion, which the operator may change.
  description.addEventListener('input', debounce(400, () => {
    const text = description.value.trim();
    if (!text) return;
    postJson<Suggestion>('/api/catalogue/classify', { description: text }).then((answer) => {
      suggestion.textContent = answer.needsTriage || !answer.categoryCode
        ? t.suggestionTriage(answer.urgent)
        : t.suggestion(answer.categoryName ?? answer.categoryCode, Math.round(answer.confidence * 100));
      suggestion.dataset.category = answer.categoryCode ?? '';
      if (!categoryTouched && answer.categoryCode && !answer.needsTriage) category.value = answer.categoryCode;
    }).catch((failure) => console.warn('Could not classify', failure));
  }));

  // The address register, when the centre has one: picking an entry places the call on the map.
  address.addEventListener('input', debounce(300, () => {
    const q = address.value.trim();
    if (q.length < 2) {
      hits.replaceChildren();
      return;
    }
    getJson<AddressHit[]>(`/api/geo/addresses?q=${encodeURIComponent(q)}&limit=5`).then((found) => {
      hits.replaceChildren(...found.map((hit) => el('li', {}, button(hit.address, 'manual-address-hit', () => {
        address.value = hit.address;
        hits.replaceChildren();
        place(hit.location, hit.address);
        map.focus(hit.location.lat, hit.location.lon, 16);
      }, 'link'))));
    }).catch(() => hits.replaceChildren()); // no register yet: the operator types the address and picks the point
  }));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = description.value.trim();
    if (!text) return;
    submit.disabled = true;
    error.textContent = '';
    postJson<{ incidentId: string }>('/api/intake/alerts', {
      alertId,
      receivedAt: new Date().toISOString(),
      description: text,
      categoryCode: category.value || undefined,
      address: address.value.trim() || undefined,
      location: location ?? undefined,
      callerPhone: phone.value.trim() || undefined,
    }).then((accepted) => {
      dialog.close();
      select(accepted.incidentId);
    }).catch((failure) => {
      submit.disabled = false;
      error.textContent = errorText(failure);
    });
  });
}
