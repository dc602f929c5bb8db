// A small map in each open assignment's card: where the incident is among the community and grid lines.
// Cards are rebuilt on every change; a card's map is made once and moved into each new card, so it neither
// flickers nor reloads under the responder's thumb.

import { DispatchMap } from '../common/map';
import type { GeoPoint } from '../common/model';

interface Entry { element: HTMLElement; map: DispatchMap | null; at: GeoPoint | null; label: string }

export class AssignmentMaps {
  private readonly byAssignment = new Map<string, Entry>();

  /** The map's container for this assignment's card. */
  element(assignmentId: string, at: GeoPoint | null, label: string): HTMLElement {
    let entry = this.byAssignment.get(assignmentId);
    if (!entry) {
      const element = document.createElement('div');
      element.className = 'assignment-map';
      element.dataset.testid = 'assignment-map';
      entry = { element, map: null, at, label };
      this.byAssignment.set(assignmentId, entry);
    }
    entry.at = at;
    entry.label = label;
    if (at) {
      entry.element.dataset.lat = String(at.lat);
      entry.element.dataset.lon = String(at.lon);
    }
    return entry.element;
  }

  /** Called once the cards are in the page: Leaflet measures its container, so maps start only when attached. */
  attach(openIds: ReadonlySet<string>): void {
    for (const [id, entry] of this.byAssignment) {
      if (!openIds.has(id)) {
        entry.map?.map.remove();
        this.byAssignment.delete(id);
        continue;
      }
      if (!entry.at) continue;
      if (!entry.map) {
        const map = new DispatchMap(entry.element);
        entry.map = map;
        const at = entry.at;
        map.focus(at.lat, at.lon);
        map.load('street,community,grid', false)
          .then(() => map.focus(at.lat, at.lon, 16))
          .catch((error) => console.warn('Could not load the map', error));
      } else {
        entry.map.resize();
      }
      entry.map.upsert('incident', { id, lat: entry.at.lat, lon: entry.at.lon, state: 'Open', label: entry.label });
    }
  }
}
