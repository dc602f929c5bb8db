// One task order: the incident, the instructions, the history, and the steps the signed-in person may take now.
// Which steps show is the server's answer (allowedSteps); a refusal (409 wrong state, 403, 400) is shown as the
// server's own sentence in the page's language.

import { getJson, getJsonOnce, postJson } from '../common/api';
import { pick } from '../common/i18n';
import { dateTime } from '../common/time';
import { showDue, showStatus } from './list';
import type { TaskOrderDetail, TaskOrderView } from './model';
import { INPUT, RATINGS, reassignChoices, type Step, stepBody } from './steps';
import { TEXT } from './text';
import { actorName, errorText } from '../common/one-language';

interface Organisation { code: string; name: string }

export class DetailPane {
  private readonly pane = document.querySelector<HTMLElement>('[data-testid="task-order-detail"]')!;
  private readonly content = this.pane.querySelector<HTMLElement>('.content')!;
  private readonly form = this.pane.querySelector<HTMLFormElement>('form')!;
  private readonly problem = this.pane.querySelector<HTMLElement>('[data-testid="detail-problem"]')!;
  private detail: TaskOrderDetail | null = null;
  private step: Step | null = null;

  constructor(private readonly changed: (order: TaskOrderView) => void) {
    for (const button of this.pane.querySelectorAll<HTMLButtonElement>('.actions button')) {
      button.addEventListener('click', () => void this.begin(button.dataset.step as Step));
    }
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.form.querySelector('.cancel')!.addEventListener('click', () => this.closeForm());
  }

  get id(): string | null {
    return this.detail?.order.id ?? null;
  }

  async show(id: string): Promise<void> {
    const detail = await getJson<TaskOrderDetail>(`/api/task-orders/${id}`);
    if (this.detail?.order.id !== id) {
      this.closeForm();
      this.problem.textContent = '';
    }
    this.detail = detail;
    this.render();
  }

  render(): void {
    const t = pick(TEXT);
    this.pane.querySelector<HTMLElement>('.pick')!.hidden = this.detail !== null;
    this.content.hidden = this.detail === null;
    if (!this.detail) return;
    const { order, history, incident } = this.detail;
    const field = (selector: string) => this.content.querySelector<HTMLElement>(selector)!;
    showStatus(field('[data-testid="detail-status"]'), order.status);
    showDue(field('.head .due'), order);
    field('.incident').textContent = incident?.description ?? t.noIncident;
    field('.address').textContent = incident?.address ?? '—';
    field('.instructions').textContent = order.instructions;
    field('.issued').textContent = dateTime(order.assignedAt);
    field('.due-at').textContent = dateTime(order.dueAt);
    const [label, value] = order.rating ? [t.lastRating, `${t.ratings[order.rating] ?? order.rating}${order.result ? ` · ${order.result}` : ''}`]
      : order.result ? [t.lastResult, order.result]
      : order.requestedDueAt ? [t.requested, `${dateTime(order.requestedDueAt)} · ${order.reason ?? ''}`]
        : order.reason ? [t.lastReason, order.reason] : ['', ''];
    field('.last-label').textContent = label;
    field('.last').textContent = value;
    field('.last-label').hidden = field('.last').hidden = !value;

    const allowed = this.detail.allowedSteps ?? [];
    for (const button of this.content.querySelectorAll<HTMLButtonElement>('.actions button')) {
      button.hidden = !allowed.includes(button.dataset.step ?? '');
    }
    // Someone else took the step, or another, meanwhile: the half-filled form no longer applies.
    if (this.step && !allowed.includes(this.step)) this.closeForm();
    field('.history').replaceChildren(...history.map((line) => {
      const item = document.createElement('li');
      const when = document.createElement('time');
      when.dateTime = line.at;
      when.textContent = dateTime(line.at);
      const what = document.createElement('span');
      const rating = line.action === 'evaluated' && line.rating ? ` · ${t.ratings[line.rating] ?? line.rating}` : '';
      what.textContent = ` ${t.action[line.action] ?? line.action} · ${actorName(line.actor)}${rating}${line.reason ? ` · ${line.reason}` : ''}`;
      item.append(when, what);
      return item;
    }));
  }

  private async begin(step: Step): Promise<void> {
    this.problem.textContent = '';
    const input = INPUT[step];
    if (!input) {
      await this.send(step, undefined);
      return;
    }
    const t = pick(TEXT);
    const field = <T extends HTMLElement>(name: string) => this.form.querySelector<T>(`[name=${name}]`)!;
    const show = (element: HTMLElement, shown: boolean) => {
      element.closest('label')!.hidden = !shown;
      (element as HTMLInputElement).required = shown;
    };
    // Nothing is chosen for the person: an empty first choice keeps a required list from being sent as it opened.
    const choose = option('', t.choose);
    if (input.organisation) {
      let choices: Organisation[];
      try {
        choices = reassignChoices(await getJsonOnce<Organisation[]>('/api/organisations'), this.detail?.order.organisation.code ?? '');
      } catch (error) {
        this.problem.textContent = errorText(error);
        return;
      }
      if (choices.length === 0) {
        this.problem.textContent = t.noOrganisations;
        return;
      }
      field<HTMLSelectElement>('organisation').replaceChildren(choose.cloneNode(true), ...choices.map((o) => option(o.code, o.name)));
    }
    field<HTMLSelectElement>('rating').replaceChildren(choose, ...RATINGS.map((rating) => option(rating, t.ratings[rating] ?? rating)));
    field<HTMLTextAreaElement>('text').value = '';
    field<HTMLInputElement>('date').value = '';
    this.step = step;
    this.form.hidden = false;
    this.form.dataset.step = step;
    this.form.querySelector('.step-title')!.textContent = this.content.querySelector(`.actions [data-step="${step}"]`)?.textContent ?? step;
    this.form.querySelector('.text-label')!.textContent = t[input.text];
    show(field('date'), input.date === true);
    show(field('rating'), input.rating === true);
    show(field('organisation'), input.organisation === true);
    show(field('text'), true);
    // The citizen may have nothing to add; every reason and result is kept in the history and must be given.
    field<HTMLTextAreaElement>('text').required = input.text !== 'comment';
    (input.rating ? field('rating') : input.organisation ? field('organisation') : field('text')).focus();
  }

  private closeForm(): void {
    this.step = null;
    this.form.hidden = true;
    this.form.reset();
  }

  private async submit(): Promise<void> {
    if (!this.step) return;
    const data = new FormData(this.form);
    const value = (name: string) => String(data.get(name) ?? '');
    const body = stepBody(this.step, { text: value('text'), date: value('date'), rating: value('rating'), organisation: value('organisation') });
    if (await this.send(this.step, body)) this.closeForm();
  }

  private async send(step: Step, body: unknown): Promise<boolean> {
    const id = this.id;
    if (!id) return false;
    try {
      const order = await postJson<TaskOrderView>(`/api/task-orders/${id}/${step}`, body);
      this.changed(order);
      await this.show(id);
      return true;
    } catch (error) {
      this.problem.textContent = errorText(error);
      return false;
    }
  }
}

function option(value: string, label: string): HTMLOptionElement {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = label;
  return element;
}
