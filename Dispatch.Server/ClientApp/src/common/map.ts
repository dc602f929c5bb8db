// A live map with no tiles needed: jurisdiction polygons with labels, incidents and units on a plain background.
// A tile layer is added only when the server is configured with one; over GCJ-02 tiles every WGS-84 position is
// shifted to match. Markers are circles drawn by Leaflet, so no image assets are fetched.

import 'leaflet/dist/leaflet.css';
import './map.css';
import L from 'leaflet';
import { getJsonOnce } from './api';
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02';

export interface MapSettings { tileUrl: string | null; tileCrs: 'wgs84' | 'gcj02'; attribution: string | null }

interface AreaFeature {
  type: 'Feature';
  id: string;
  properties: { level: string; code: string; name: string; label: [number, number] };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
}

export interface Marker {
  id: string;
  lat: number;
  lon: number;
  /** Drives the colour: an incident's status or a unit's status. */
  state: string;
  /** What a hover or a screen reader says. */
  label: string;
}

/** Border and fill per level: streets bold, communities filled lightly, grids as thin lines. */
const AREA_STYLE: Record<string, L.PathOptions> = {
  street: { color: '#9aa7bb', weight: 3, fill: false },
  community: { color: '#5b6678', weight: 1.5, fillColor: '#1f5fd6', fillOpacity: 0.06 },
  grid: { color: '#263247', weight: 1, fill: false, dashArray: '4 4' },
  precinct: { color: '#d62828', weight: 1.5, fill: false, dashArray: '8 6', opacity: 0.6 },
};

export class DispatchMap {
  readonly map: L.Map;
  private shift: (lon: number, lat: number) => [number, number] = (lon, lat) => [lon, lat];
  private unshift: (lon: number, lat: number) => [number, number] = (lon, lat) => [lon, lat];
  private readonly layers = new Map<string, Map<string, L.CircleMarker>>();
  private areaBounds: L.LatLngBounds | null = null;

  constructor(readonly element: HTMLElement) {
    element.classList.add('dispatch-map');
    this.map = L.map(element, { zoomControl: true, attributionControl: false, preferCanvas: false, zoomSnap: 0.25 });
    this.map.setView([30.25, 120.15], 13);
    // Incidents above units: a car parked at the scene must not hide the incident (or its tooltip) under it.
    this.map.createPane('incidents').style.zIndex = '450';
  }

  /** Loads the background (tiles if configured) and the areas of the given levels. */
  async load(levels = 'street,community,grid', fit = true): Promise<void> {
    const settings = await getJsonOnce<MapSettings>('/api/geo/map');
    if (settings.tileCrs === 'gcj02') [this.shift, this.unshift] = [wgs84ToGcj02, gcj02ToWgs84];
    if (settings.tileUrl) {
      L.tileLayer(settings.tileUrl, { attribution: settings.attribution ?? '' }).addTo(this.map);
      if (settings.attribution) L.control.attribution().addTo(this.map);
    }
    const areas = await getJsonOnce<{ features: AreaFeature[] }>(`/api/geo/areas?level=${encodeURIComponent(levels)}`);
    this.showAreas(areas.features, fit);
  }

  /** Calls back with the WGS-84 point of every click on the map (the datum positions are stored in). */
  onPick(handler: (lon: number, lat: number) => void): void {
    this.map.on('click', (event: L.LeafletMouseEvent) => {
      const [lon, lat] = this.unshift(event.latlng.lng, event.latlng.lat);
      handler(lon, lat);
    });
  }

  private toLatLng(lon: number, lat: number): L.LatLngExpression {
    const [x, y] = this.shift(lon, lat);
    return [y, x];
  }

  private showAreas(features: AreaFeature[], fit: boolean): void {
    // Coordinates are shifted once here, so the GeoJSON layer can draw them as they are.
    const shifted = features.map((f) => ({
      ...f,
      geometry: {
        ...f.geometry,
        coordinates: shiftDeep(f.geometry.coordinates, this.shift),
      },
    }));
    const layer = L.geoJSON(shifted as unknown as GeoJSON.FeatureCollection['features'], {
      style: (feature) => AREA_STYLE[(feature?.properties as AreaFeature['properties']).level] ?? AREA_STYLE.grid,
      interactive: false,
    }).addTo(this.map);
    // Communities and streets get permanent names; grids are many, so theirs appear when zoomed in.
    for (const feature of features) {
      const { level, name, label } = feature.properties;
      if (level === 'grid' || level === 'precinct') continue;
      L.tooltip({ permanent: true, direction: 'center', className: `area-label area-label-${level}` })
        .setLatLng(this.toLatLng(label[0], label[1]))
        .setContent(textNode(name))
        .addTo(this.map);
    }
    const bounds = layer.getBounds();
    if (bounds.isValid()) {
      this.areaBounds = bounds;
      if (fit) this.map.fitBounds(bounds, { padding: [12, 12] });
    }
    this.element.dataset.areas = String(features.length);
  }

  /** Adds or moves one marker of a kind ("incident", "unit"); a second call with the same id updates it. */
  upsert(kind: string, marker: Marker, onClick?: (id: string) => void): void {
    let markers = this.layers.get(kind);
    if (!markers) this.layers.set(kind, (markers = new Map()));
    const at = this.toLatLng(marker.lon, marker.lat);
    let circle = markers.get(marker.id);
    if (!circle) {
      circle = L.circleMarker(at, {
        radius: kind === 'unit' ? 6 : 9, weight: 2, fillOpacity: 0.9, className: `marker-${kind}`, pane: kind === 'incident' ? 'incidents' : 'overlayPane',
      }).addTo(this.map);
      if (onClick) circle.on('click', () => onClick(marker.id));
      markers.set(marker.id, circle);
    } else {
      circle.setLatLng(at);
    }
    circle.setStyle(markerStyle(kind, marker.state));
    circle.unbindTooltip().bindTooltip(textNode(marker.label), { direction: 'top' });
    const element = circle.getElement();
    if (element) {
      element.setAttribute('data-testid', `map-${kind}`);
      element.setAttribute('data-id', marker.id);
      element.setAttribute('data-state', marker.state);
      element.setAttribute('aria-label', marker.label);
    }
    this.element.dataset[`${kind}Count`] = String(markers.size);
  }

  /** The ids of the markers of a kind shown now, so a page can take away those its latest read no longer holds. */
  ids(kind: string): string[] {
    return [...(this.layers.get(kind)?.keys() ?? [])];
  }

  remove(kind: string, id: string): void {
    const markers = this.layers.get(kind);
    markers?.get(id)?.remove();
    markers?.delete(id);
    this.element.dataset[`${kind}Count`] = String(markers?.size ?? 0);
  }

  /** Centres on a point, e.g. the incident an operator opened. */
  focus(lat: number, lon: number, zoom = 16): void {
    this.map.setView(this.toLatLng(lon, lat), Math.max(zoom, this.map.getZoom()));
  }

  /** Back to the whole jurisdiction. */
  overview(): void {
    if (this.areaBounds) this.map.fitBounds(this.areaBounds, { padding: [12, 12] });
  }

  /** Puts an element of the page's own (a button, a legend) in a corner of the map; clicks on it stay off the map. */
  addControl(element: HTMLElement, position: L.ControlPosition): void {
    const control = new L.Control({ position });
    control.onAdd = () => {
      L.DomEvent.disableClickPropagation(element);
      L.DomEvent.disableScrollPropagation(element);
      return element;
    };
    control.addTo(this.map);
  }

  /** After the container changes size (a pane opened), Leaflet must measure again. */
  resize(): void {
    this.map.invalidateSize();
  }
}

/**
 * Leaflet reads a string given to a tooltip or popup as HTML; names and addresses come from alerts and imports, so
 * they go in as an element holding text, never as a string.
 */
export function textNode(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

function shiftDeep(coordinates: unknown, shift: (lon: number, lat: number) => [number, number]): unknown {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') return shift(coordinates[0] as number, coordinates[1] as number);
  return (coordinates as unknown[]).map((c) => shiftDeep(c, shift));
}

/** Incidents: amber waiting for dispatch, blue in progress, grey closed, white in triage. Units: green free, blue busy. */
export function markerStyle(kind: string, state: string): L.PathOptions {
  const incident: Record<string, string> = { Open: '#f2b705', NeedsTriage: '#e8edf5', InProgress: '#1f5fd6', Closed: '#5b6678' };
  const unit: Record<string, string> = { Available: '#2fbf71', Dispatched: '#f2b705', EnRoute: '#1f5fd6', OnScene: '#d62828', Busy: '#a855f7', OffDuty: '#5b6678' };
  const colour = (kind === 'unit' ? unit[state] : incident[state]) ?? '#9aa7bb';
  return kind === 'unit'
    ? { color: '#0b0f17', fillColor: colour }
    : { color: colour, fillColor: colour, fillOpacity: state === 'Closed' ? 0.3 : 0.85 };
}
