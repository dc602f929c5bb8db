// One task order: the incident, the instructions, the history, and the steps the department may take now.
// A refusal from the server (409 wrong state, 403, 400) is shown as the server's own sentence.

import { getJson, postJson } from '../common/api';
import { pick } from '../common/i18n';
import { dateTime } from '../common/time';
import type { WorkCalendar } from './due';
import { showDue, showStatus } from './list';
import type { TaskOrderDetail, TaskOrderView } from './model';
import { TEXT } from './text';
import { actorName, errorText } from '../common/one-language';

type Step = 'accept' | 'complete' | 'return' | 'request-delay';

/** The steps a department may take in each state (TaskOrderTransitions on the server decides; this only hides the rest). */
const STEPS: Record<string, readonly Step[]> = {
  Issued: ['accept', 'return'],
  Reopened: ['accept'],
  Accepted: ['complete', 'return', 'request-delay'],
  DelayRequested: ['complete'],
};

export class DetailPane {
  private readonly pane = document.querySelector<HTMLElement>('[data-testid="task-order-detail"]')!;
  private readonly content = this.pane.querySelector<HTMLElement>('.content')!;
  private readonly form = this.pane.querySelector<HTMLFormElement>('form')!;
  private readonly problem = this.pane.querySelector<HTMLElement>('[data-testid="detail-problem"]')!;
  private detail: TaskOrderDetail | null = null;
  private step: Step | null = null;

  constructor(private readonly calendar: () => WorkCalendar, private readonly changed: (order: TaskOrderView) => void) {
    for (const button of this.pane.querySelectorAll<HTMLButtonElement>('.actions button')) {
      button.addEventListener('click', () => this.begin(button.dataset.step as Step));
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
    showDue(field('.head .due'), order, this.calendar());
    field('.incident').textContent = incident?.description ?? t.noIncident;
    field('.address').textContent = incident?.address ?? '—';
    field('.instructions').textContent = order.instructions;
    field('.issued').textContent = dateTime(order.assignedAt);
    field('.due-at').textContent = dateTime(order.dueAt);
    const [label, value] = order.result ? [t.lastResult, order.result]
      : order.requestedDueAt ? [t.requested, `${dateTime(order.requestedDueAt)} · ${order.reason ?? ''}`]
        : order.reason ? [t.lastReason, order.reason] : ['', ''];
    field('.last-label').textContent = label;
    field('.last').textContent = value;
    field('.last-label').hidden = field('.last').hidden = !value;

    const allowed = STEPS[order.status] ?? [];
    for (const button of this.content.querySelectorAll<HTMLButtonElement>('.actions button')) {
      button.hidden = !allowed.includes(button.dataset.step as Step);
    }
    field('.history').replaceChildren(...history.map((line) => {
      const item = document.createElement('li');
      const when = document.createElement('time');
      when.dateTime = line.at;
      when.textContent = dateTime(line.at);
      const what = document.createElement('span');
      what.textContent = ` ${t.action[line.action] ?? line.action} · ${actorName(line.actor)}${line.reason ? ` · ${line.reason}` : ''}`;
      item.append(when, what);
      return item;
    }));
  }

  private begin(step: Step): void {
    this.problem.textContent = '';
    if (step === 'accept') {
      void this.send(step, undefined);
      return;
    }
    const t = pick(TEXT);
    this.step = step;
    this.form.hidden = false;
    this.form.dataset.step = step;
    this.form.querySelector('.text-label')!.textContent = step === 'complete' ? t.result : t.reason;
    const date = this.form.querySelector<HTMLInputElement>('[name=date]')!;
    date.closest('label')!.hidden = step !== 'request-delay';
    date.required = step === 'request-delay';
    this.form.querySelector<HTMLTextAreaElement>('textarea')!.focus();
  }

  private closeForm(): void {
    this.step = null;
    this.form.hidden = true;
    this.form.reset();
  }

  private async submit(): Promise<void> {
    if (!this.step) return;
    const data = new FormData(this.form);
    const text = String(data.get('text') ?? '');
    const body = this.step === 'complete' ? { result: text }
      // The last moment of the chosen day in Beijing time, as the server's due times are.
      : this.step === 'request-delay' ? { reason: text, newDueAt: `${String(data.get('date'))}T23:59:59+08:00` }
        : { reason: text };
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
