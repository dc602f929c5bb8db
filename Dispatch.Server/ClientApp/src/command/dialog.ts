// One modal form for every action that needs words from the operator (a reason, a result, a category).

import { pick } from '../common/i18n';
import { el } from './dom';
import { PANEL_TEXT } from './panel-text';

export interface Field {
  name: string;
  label: string;
  /** A choice instead of free text. */
  options?: ReadonlyArray<{ value: string; label: string }>;
  value?: string;
}

/** Resolves with the entered values, or null when the operator cancels. Every field is required. */
export function ask(title: string, fields: readonly Field[]): Promise<Record<string, string> | null> {
  const t = pick(PANEL_TEXT);
  const dialog = el('dialog', { className: 'action-dialog', testid: 'action-dialog' });
  const form = el('form', {}, el('h2', { text: title }));
  form.method = 'dialog';
  for (const field of fields) {
    let input: HTMLSelectElement | HTMLTextAreaElement;
    if (field.options) {
      input = el('select');
      for (const option of field.options) {
        const item = el('option', { text: option.label });
        item.value = option.value;
        input.append(item);
      }
    } else {
      input = el('textarea');
      input.rows = 3;
      input.maxLength = 500;
    }
    input.name = field.name;
    input.required = true;
    input.dataset.testid = `field-${field.name}`;
    if (field.value) input.value = field.value;
    form.append(el('label', {}, el('span', { text: field.label }), input));
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
