// One modal form for every action that needs words from the operator (a reason, a result, a category).

import { pick } from '../common/i18n';
import { el } from './dom';
import { PANEL_TEXT } from './panel-text';

export interface Field {
  name: string;
  label: string;
  /** A choice instead of free text; options with a group are shown under it, in the order the groups first appear. */
  options?: ReadonlyArray<{ value: string; label: string; group?: string }>;
  value?: string;
  /** A search box above a long choice: typing narrows it to the options whose label contains the words. */
  search?: boolean;
  /** May be left empty (every field is required unless it says so). */
  optional?: boolean;
  /** Free text longer than this is refused by the server; 500 unless given. */
  maxLength?: number;
}

/** Appends the options to a choice, those with a group under it, groups in the order they first appear. */
export function fillOptions(select: HTMLSelectElement, options: NonNullable<Field['options']>): void {
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const option of options) {
    const item = el('option', { text: option.label });
    item.value = option.value;
    if (option.group === undefined) {
      select.append(item);
      continue;
    }
    let group = groups.get(option.group);
    if (!group) {
      group = el('optgroup');
      group.label = option.group;
      groups.set(option.group, group);
      select.append(group);
    }
    group.append(item);
  }
}

/** Narrows a choice to the options matching the query (all when empty); keeps a visible option selected. */
export function filterOptions(select: HTMLSelectElement, query: string): void {
  const words = query.trim().toLowerCase();
  for (const option of select.options) option.hidden = words !== '' && !option.text.toLowerCase().includes(words);
  for (const group of select.querySelectorAll('optgroup')) group.hidden = [...group.querySelectorAll('option')].every((o) => o.hidden);
  if (select.selectedOptions[0]?.hidden !== false) {
    const first = [...select.options].find((o) => !o.hidden);
    if (first) select.value = first.value;
  }
}

/** Resolves with the entered values, or null when the operator cancels. Fields are required unless optional. */
export function ask(title: string, fields: readonly Field[]): Promise<Record<string, string> | null> {
  const t = pick(PANEL_TEXT);
  const dialog = el('dialog', { className: 'action-dialog', testid: 'action-dialog' });
  const form = el('form', {}, el('h2', { text: title }));
  form.method = 'dialog';
  for (const field of fields) {
    let input: HTMLSelectElement | HTMLTextAreaElement;
    let searchBox: HTMLInputElement | null = null;
    if (field.options) {
      const select = el('select');
      fillOptions(select, field.options);
      if (field.search) {
        searchBox = el('input');
        searchBox.type = 'search';
        searchBox.placeholder = t.search;
        searchBox.dataset.testid = `field-${field.name}-search`;
        searchBox.addEventListener('input', () => filterOptions(select, searchBox!.value));
      }
      input = select;
    } else {
      input = el('textarea');
      input.rows = 3;
      input.maxLength = field.maxLength ?? 500;
    }
    input.name = field.name;
    input.required = !field.optional;
    input.dataset.testid = `field-${field.name}`;
    if (field.value) input.value = field.value;
    form.append(el('label', {}, el('span', { text: field.label }), ...(searchBox ? [searchBox] : []), input));
  }
  const submit = el('button', { testid: 'dialog-submit', text: t.submit });
  submit.value = 'ok';
  const cancel = el('button', { className: 'secondary', testid: 'dialog-cancel', text: t.cancel });
  cancel.type = 'button';
  cancel.addEventListener('click', () => dialog.close());
  form.append(el('p', { className: 'dialog-buttons' }, cancel, submit));
  dialog.append(form);
  document.body.append(dialog);

  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      const values = dialog.returnValue === 'ok'
        ? Object.fromEntries([...new FormData(form)].map(([key, value]) => [key, String(value).trim()]))
        : null;
      dialog.remove();
      resolve(values);
    });
    dialog.showModal();
  });
}
