import { describe, expect, it } from 'vitest';
import type L from 'leaflet';
import { DispatchMap } from './map';

const PAYLOAD = '<img src=x onerror="window.__xss=1">';

describe('DispatchMap', () => {
  it('shows a marker label from data as text, never as HTML', () => {
    const element = document.createElement('div');
    document.body.append(element);
    const map = new DispatchMap(element);
    map.upsert('incident', { id: 'i1', lat: 30.25, lon: 120.15, state: 'Open', label: PAYLOAD });
    const tooltip = (map as unknown as { layers: Map<string, Map<string, L.CircleMarker>> }).layers.get('incident')!.get('i1')!.getTooltip()!;
    tooltip.setLatLng([30.25, 120.15]).addTo(map.map);
    const shown = tooltip.getElement()!;
    expect(shown.querySelector('img')).toBeNull();
    expect(shown.textContent).toBe(PAYLOAD);
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('lists the ids of the markers of one kind shown now', () => {
    const element = document.createElement('div');
    document.body.append(element);
    const map = new DispatchMap(element);
    map.upsert('unit', { id: 'u1', lat: 30.25, lon: 120.15, state: 'Available', label: 'u1' });
    map.upsert('unit', { id: 'u2', lat: 30.25, lon: 120.15, state: 'Available', label: 'u2' });
    map.upsert('incident', { id: 'i1', lat: 30.25, lon: 120.15, state: 'Open', label: 'i1' });
    map.remove('unit', 'u1');
    expect(map.ids('unit')).toEqual(['u2']);
    expect(map.ids('incident')).toEqual(['i1']);
    expect(map.ids('none')).toEqual([]);
  });
});
