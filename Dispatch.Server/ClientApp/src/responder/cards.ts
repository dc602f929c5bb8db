// The assignment cards: open work first with the next allowed steps as big buttons, finished work below.

import type { ClockBoard, ClockView } from '../common/clocks';
import { pick } from '../common/i18n';
import type { GeoPoint, IncidentStatus } from '../common/model';
import { timeOfDay } from '../common/time';
import { AssignmentMaps } from './assignment-maps';
import { type AssignmentRole, type AssignmentState, isOpen, nextSteps, type Step } from './steps';
import { TEXT } from './text';

export interface ResponderAssignment {
  assignment: { id: string; incidentId: string; unitCode: string; role: AssignmentRole; state: AssignmentState; dispatchedAt: string };
  incidentStatus: IncidentStatus;
  categoryName: string | null;
  priority: number | null;
  description: string;
  address: string | null;
  location: GeoPoint | null;
  clocks: ClockView[];
}

/** geo: opens the phone's own maps app at the incident (RFC 5870; the label is for apps that show one). */
export const geoUri = (at: GeoPoint, label: string): string =>
  `geo:${at.lat},${at.lon}?q=${at.lat},${at.lon}(${encodeURIComponent(label)})`;

export class AssignmentCards {
  private items: ResponderAssignment[] = [];
  private readonly maps = new AssignmentMaps();

  constructor(
    private readonly openList: HTMLElement,
    private readonly finishedList: HTMLElement,
    private readonly clocks: ClockBoard,
    private readonly onStep: (item: ResponderAssignment, step: Step, card: HTMLElement) => void,
  ) {}

  get(assignmentId: string): ResponderAssignment | undefined {
    return this.items.find((i) => i.assignment.id === assignmentId);
  }

  show(items: ResponderAssignment[]): void {
    this.items = items;
    for (const item of items) for (const view of item.clocks) this.clocks.set(view);
    this.render();
  }

  render(): void {
    const open = this.items.filter((i) => isOpen(i.assignment.state));
    this.openList.replaceChildren(...open.map((i) => this.card(i)));
    this.finishedList.replaceChildren(...this.items.filter((i) => !isOpen(i.assignment.state)).map((i) => this.card(i)));
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
      const maps = element('a', 'maps', t.openInMaps) as HTMLAnchorElement;
      maps.href = geoUri(item.location, item.address ?? item.categoryName ?? '');
      maps.dataset.testid = 'open-in-maps';
      address.append(maps);
    }

    const meta = element('p', 'meta', `${t.dispatchedAt} ${timeOfDay(assignment.dispatchedAt)}`);
    card.append(head, address, element('p', 'description', item.description), meta);
    if (!isOpen(assignment.state)) return card;

    const clocks = element('div', 'clocks');
    clocks.dataset.testid = 'assignment-clocks';
    clocks.dataset.incidentId = assignment.incidentId;
    const map = this.maps.element(assignment.id, item.location, item.address ?? item.categoryName ?? '');

    const steps = element('div', 'steps');
    for (const step of nextSteps(assignment.state, assignment.role, item.incidentStatus === 'Closed')) {
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
    return card;
  }
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
