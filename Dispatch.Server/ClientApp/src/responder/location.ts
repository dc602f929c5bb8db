// Shares the phone's position while on duty: watchPosition → POST /api/units/{code}/location, throttled.

import { postJson } from '../common/api';
import { type Fix, shouldSend } from './throttle';

export type LocationState = 'off' | 'waiting' | 'sharing' | 'denied' | 'unavailable';

/** The server refuses radii beyond 10 km: such a fix is not worth storing. */
const MAX_ACCURACY_METRES = 10_000;

export class LocationSharing {
  private watch: number | null = null;
  private lastSent: Fix | null = null;
  private state: LocationState = 'off';

  constructor(private readonly onState: (state: LocationState) => void) {}

  get current(): LocationState {
    return this.state;
  }

  start(unitCode: string): void {
    if (this.watch !== null) return;
    if (!('geolocation' in navigator)) {
      this.set('unavailable');
      return;
    }
    this.set('waiting');
    this.watch = navigator.geolocation.watchPosition(
      (position) => void this.report(unitCode, position),
      (error) => this.set(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, maximumAge: 10_000 },
    );
  }

  stop(): void {
    if (this.watch !== null) navigator.geolocation.clearWatch(this.watch);
    this.watch = null;
    this.lastSent = null;
    this.set('off');
  }

  private async report(unitCode: string, position: GeolocationPosition): Promise<void> {
    const fix: Fix = { lat: position.coords.latitude, lon: position.coords.longitude, at: position.timestamp };
    if (this.watch === null || !shouldSend(this.lastSent, fix)) return;
    this.lastSent = fix;
    const accuracy = position.coords.accuracy;
    try {
      await postJson(`/api/units/${encodeURIComponent(unitCode)}/location`, {
        lat: fix.lat, lon: fix.lon, crs: 'wgs84', at: new Date(fix.at).toISOString(),
        accuracy: Number.isFinite(accuracy) && accuracy <= MAX_ACCURACY_METRES ? accuracy : undefined,
      });
      if (this.watch !== null) this.set('sharing');
    } catch (error) {
      // The next fix tries again; the light says the position is not getting through.
      this.lastSent = null;
      console.warn('Position not sent', error);
      if (this.watch !== null) this.set('waiting');
    }
  }

  private set(state: LocationState): void {
    this.state = state;
    this.onState(state);
  }
}
