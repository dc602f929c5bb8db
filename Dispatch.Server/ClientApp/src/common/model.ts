// The shapes the server sends (camelCase JSON of Dispatch.Contracts and the endpoints' records).

// Dispatch.Contracts.GeoPoint(Lon, Lat), WGS-84.
export interface GeoPoint { lon: number; lat: number }
export interface AreaRef { code: string; name: string }
export interface Jurisdiction {
  district: AreaRef | null; street: AreaRef | null; community: AreaRef | null; grid: AreaRef | null; precinct: AreaRef | null;
  onBoundary: boolean;
}

export type IncidentStatus = 'Open' | 'NeedsTriage' | 'InProgress' | 'Closed';
export type IncidentKind = 'Police' | 'NonPolice' | 'Dispute' | 'Unknown';

// Dispatch.Contracts.AddressCandidate / AddressLocation: the incident's address matched against the register.
export interface AddressCandidate { addressId: string; address: string; score: number; location: GeoPoint; gridCode: string; community: string | null }
export interface AddressLocation {
  text: string; best: AddressCandidate | null; alternatives: AddressCandidate[]; matchedOn: string[]; used: boolean;
  distanceFromGivenMetres?: number | null;
}

export interface IncidentSummary {
  id: string;
  receivedAt: string;
  openedAt: string;
  status: IncidentStatus;
  kind: IncidentKind;
  categoryCode: string | null;
  categoryName: string | null;
  description: string;
  address: string | null;
  location: GeoPoint | null;
  alertCount: number;
  jurisdiction: Jurisdiction | null;
  priority?: number | null;
  routing: { outcome: string; organisation: { code: string; name: string } | null; reasons: string[] } | null;
  source?: 'Alert' | 'GridEvent';
  addressMatch?: AddressLocation | null;
}
