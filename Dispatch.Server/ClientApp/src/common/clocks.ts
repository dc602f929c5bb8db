// The 1/3/5 clocks as chips: green counting down, amber at the warning point, red and flashing at a breach.

import { type Bilingual, pick } from './i18n';
import type { ClockKind, ClockView } from './model';
import { countdown } from './time';

export type { ClockKind, ClockView } from './model';
export const CLOCK_KINDS: readonly ClockKind[] = ['Respond', 'Arrive', 'Reinforce'];


export const CLOCK_TEXT: Bilingual<{ kind: Record<ClockKind, string>; overdue: string }> = {
  zh: { kind: { Respond: '响应', Arrive: '到场', Reinforce: '增援' }, overdue: '超时' },
  en: { kind: { Respond: 'Respond', Arrive: 'Arrive', Reinforce: 'Reinforce' }, overdue: 'late' },
};

/** What one chip says: the time left, the time taken once met, or "late". */
export function clockLabel(view: ClockView, now: number): string {
  const t = pick(CLOCK_TEXT);
  let value: string;
  if (view.state === 'Met') value = `✓ ${Math.round(view.takenSeconds ?? 0)}s`;
  else if (view.state === 'Breached') value = t.overdue;
  else if (view.state === 'Cancelled') value = '—';
  else value = countdown(view.dueAt, now) ?? t.overdue;
  return `${t.kind[view.kind]} ${value}`;
}

/** incident id → its clocks by kind, kept live by ClockChanged and ClockAlarm pushes. */
export class ClockBoard {
  private readonly byIncident = new Map<string, Partial<Record<ClockKind, ClockView>>>();

  set(view: ClockView): void {
    const views = this.byIncident.get(view.incidentId) ?? {};
    views[view.kind] = view;
    this.byIncident.set(view.incidentId, views);
  }

  has(incidentId: string): boolean {
    return this.byIncident.has(incidentId);
  }

  /** Whether any of the incident's clocks has run out: such incidents rise in the queue. */
  breached(incidentId: string): boolean {
    return Object.values(this.byIncident.get(incidentId) ?? {}).some((view) => view?.state === 'Breached');
  }

  /** Replaces the cell's chips with the incident's clocks as of `now`. */
  fill(cell: HTMLElement, incidentId: string, now = Date.now()): void {
    const views = this.byIncident.get(incidentId) ?? {};
    const chips = CLOCK_KINDS.flatMap((kind) => {
      const view = views[kind];
      if (!view) return [];
      const chip = document.createElement('span');
      chip.className = 'clock-chip';
      chip.dataset.kind = kind;
      chip.dataset.state = view.state;
      chip.textContent = clockLabel(view, now);
      return [chip];
    });
    cell.replaceChildren(...chips);
  }
}

/** One audio context for the page: browsers cap how many may be open, and an alarm tone repeats. */
let audio: AudioContext | null = null;

/** A short tone where the browser allows (not before the user has interacted with the page, nor without audio). */
export function beep(frequency = 880, seconds = 0.6): void {
  try {
    audio ??= new AudioContext();
    const tone = audio.createOscillator();
    tone.frequency.value = frequency;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + seconds);
  } catch {
    // The banner or the vibration still tells the user.
  }
}
