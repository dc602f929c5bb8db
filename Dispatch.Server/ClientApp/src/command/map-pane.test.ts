import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HubConnection } from '@microsoft/signalr';
import type { GeoPoint } from '../common/model';
import { CommandMap } from './map-pane';

interface Unit { code: string; name: string; organisation: string; position: GeoPoint | null; status: string }

const AT: GeoPoint = { lat: 30.25, lon: 120.15 };
const unit = (code: string, status = 'Available', position: GeoPoint | null = AT): Unit =>
  ({ code, name: `${code} car`, organisation: 'P1', position, status });

/** GET /api/units answers when the test resolves it: no timers, the order of events is the test's. */
let reads: Array<(units: Unit[]) => void> = [];
const answer = (units: Unit[]) => reads.shift()!(units);

/** The unit markers on the map, as `code:status`. */
const markers = (element: HTMLElement) =>
  [...element.querySelectorAll<SVGElement>('[data-testid="map-unit"]')].map((marker) => `${marker.dataset.id}:${marker.dataset.state}`).sort();

function commandMap() {
  const element = document.createElement('div');
  document.body.append(element);
  const map = new CommandMap(element, () => undefined);
  const handlers = new Map<string, (unit: Unit) => void>();
  map.listen({ on: (name: string, handler: (unit: Unit) => void) => handlers.set(name, handler) } as unknown as HubConnection);
  return { element, map, push: (pushed: Unit) => handlers.get('UnitChanged')!(pushed) };
}

describe('the command map\'s units', () => {
  beforeEach(() => {
    reads = [];
    vi.stubGlobal('fetch', (url: string) => {
      expect(url).toBe('/api/units');
      return new Promise<Response>((resolve) => reads.push((units) => resolve(new Response(JSON.stringify(units)))));
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('draws every unit read with a position and on duty', async () => {
    const { element, map } = commandMap();
    const loading = map.loadUnits();
    answer([unit('a'), unit('b', 'OnScene'), unit('nowhere', 'Available', null), unit('home', 'OffDuty')]);
    await loading;
    expect(markers(element)).toEqual(['a:Available', 'b:OnScene']);
    expect(element.dataset.unitCount).toBe('2');
  });

  it('keeps a push that lands while a read is in flight, over the answer taken before it', async () => {
    const { element, map, push } = commandMap();
    const loading = map.loadUnits();
    push(unit('a', 'OnScene'));
    push(unit('new', 'Dispatched'));
    answer([unit('a', 'Available')]);
    await loading;
    expect(markers(element)).toEqual(['a:OnScene', 'new:Dispatched']);
  });

  it('takes away the marker of a unit a later read no longer holds', async () => {
    const { element, map } = commandMap();
    const first = map.loadUnits();
    answer([unit('a'), unit('b')]);
    await first;
    const second = map.loadUnits();
    answer([unit('a')]);
    await second;
    expect(markers(element)).toEqual(['a:Available']);
    expect(element.dataset.unitCount).toBe('1');
  });

  it('takes away the marker of a unit pushed off duty or without a position', async () => {
    const { element, map, push } = commandMap();
    const loading = map.loadUnits();
    answer([unit('a'), unit('b')]);
    await loading;
    push(unit('a', 'OffDuty'));
    push(unit('b', 'Available', null));
    expect(markers(element)).toEqual([]);
  });

  it('leaves the markers as they were when a read fails', async () => {
    const { element, map } = commandMap();
    const first = map.loadUnits();
    answer([unit('a')]);
    await first;
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
    await expect(map.loadUnits()).rejects.toThrow();
    expect(markers(element)).toEqual(['a:Available']);
  });
});
