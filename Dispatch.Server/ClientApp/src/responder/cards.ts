// The assignment cards: open work first with the next allowed steps as big buttons, finished work below.

import type { ClockBoard } from '../common/clocks';
import { pick } from '../common/i18n';
import type { ResponderAssignment } from '../common/model';
import { timeOfDay } from '../common/time';
import { revealCallerPhones, telLink } from '../common/caller-phones';
import { AssignmentMaps } from './assignment-maps';
import { navigationLinks } from './navigation';
import { knownSteps, type Step } from './steps';
import { TEXT } from './text';
import { errorText } from '../common/one-language';

export type { ResponderAssignment };

export class AssignmentCards {
  private items: ResponderAssignment[] = [];
  /** What the server confirmed on a card (a reinforcement request received), kept across redraws. */
  private readonly notes = new Map<string, string>();
  private readonly maps = new AssignmentMaps();

  constructor(
    private readonly openList: HTMLElement,
    private readonly finishedList: HTMLElement,
    private readonly clocks: ClockBoard,
    private readonly onStep: (item: ResponderAssignment, step: Step, card: HTMLElement) => void,
  ) {}

  show(items: ResponderAssignment[]): void {
    this.items = items;
    for (const item of items) for (const view of item.clocks) this.clocks.set(view);
    this.render();
  }

  /** Shows a confirmation on an assignment's card until the page reloads. */
  note(assignmentId: string, text: string): void {
    this.notes.set(assignmentId, text);
    this.render();
  }

  render(): void {
    const open = this.items.filter((i) => i.open);
    this.openList.replaceChildren(...open.map((i) => this.card(i)));
    this.finishedList.replaceChildren(...this.items.filter((i) => !i.open).map((i) => this.card(i)));
    this.openList.dataset.empty = String(open.length === 0);
    this.maps.attach(new Set(open.map((i) => i.assignment.id)));
    this.tick();
  }

  /** The countdowns move every second without rebuilding the cards (and the buttons under the thumb). */
  tick(): void {
    for (const cell of this.openList.querySelectorAll<HTMLElement>('[data-testid=assignment-clocks]')) {
      this.clocks.fill(cell, cell.dataset.incidentId ?? '');
    }
  }

  private card(item: ResponderAssignment): HTMLElement {
    const t = pick(TEXT);
    const { assignment } = item;
    const card = document.createElement('article');
    card.className = 'assignment';
    card.dataset.testid = 'assignment-card';
    card.dataset.assignmentId = assignment.id;
    card.dataset.incidentId = assignment.incidentId;
    card.dataset.state = assignment.state;

    const head = element('header', 'card-head');
    head.append(
      element('h3', 'category', item.categoryName ?? '—'),
      element('span', 'role', assignment.role === 'Primary' ? t.primary : t.reinforcement),
      Object.assign(element('span', 'state', t.state[assignment.state]), { title: assignment.state }),
    );
    head.lastElementChild!.setAttribute('data-testid', 'assignment-state');

    const address = element('p', 'address');
    address.append(element('span', 'address-text', item.address ?? t.noAddress));
    if (item.location) {
      const links = element('span', 'navigation');
      links.dataset.testid = 'navigation';
      links.append(element('span', 'navigation-label', t.openInMaps));
      for (const { app, href } of navigationLinks(item.location, item.address ?? item.categoryName ?? '')) {
        const link = element('a', 'maps', t.navigation[app]) as HTMLAnchorElement;
        link.href = href;
        link.rel = 'noopener';
        if (app !== 'geo') link.target = '_blank';
        link.dataset.testid = `navigate-${app}`;
        links.append(link);
      }
      address.append(links);
    }

    const meta = element('p', 'meta', `${t.dispatchedAt} ${timeOfDay(assignment.dispatchedAt)}`);
    card.append(head, address, element('p', 'description', item.description), meta);
    if (!item.open) return card;
    // The primary unit calls the caller back; the number is read (and audited) only when pressed.
    if (assignment.role === 'Primary') card.append(callCaller(assignment.incidentId));

    const clocks = element('div', 'clocks');
    clocks.dataset.testid = 'assignment-clocks';
    clocks.dataset.incidentId = assignment.incidentId;
    const map = this.maps.element(assignment.id, item.location, item.address ?? item.categoryName ?? '');

    const steps = element('div', 'steps');
    for (const step of knownSteps(item.nextSteps)) {
      const button = element('button', step === 'decline' ? 'step secondary' : 'step', t.step[step]) as HTMLButtonElement;
      button.type = 'button';
      button.dataset.testid = `step-${step}`;
      button.addEventListener('click', () => this.onStep(item, step, card));
      steps.append(button);
    }
    const error = element('p', 'card-error');
    error.dataset.testid = 'card-error';
    error.setAttribute('role', 'alert');
    card.append(clocks, map, steps, error);
    const note = this.notes.get(assignment.id);
    if (note) {
      const confirmed = element('p', 'card-note', note);
      confirmed.dataset.testid = 'card-note';
      confirmed.setAttribute('role', 'status');
      card.append(confirmed);
    }
    return card;
  }
}

function callCaller(incidentId: string): HTMLElement {
  const t = pick(TEXT);
  const line = element('p', 'call-caller');
  const press = element('button', 'maps', t.callCaller) as HTMLButtonElement;
  press.type = 'button';
  press.dataset.testid = 'call-caller';
  press.addEventListener('click', () => {
    press.disabled = true;
    revealCallerPhones(incidentId)
      .then((phones) => line.replaceChildren(...(phones.length
        ? phones.map((p) => telLink(p.phone, `${t.call} ${p.phone}`))
        : [element('span', 'hint', t.noCallerPhone)])))
      .catch((error) => {
        press.disabled = false;
        line.replaceChildren(press, element('span', 'card-error', errorText(error)));
      });
  });
  line.append(press);
  return line;
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
