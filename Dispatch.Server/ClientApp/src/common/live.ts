// One SignalR connection per page that never gives up, and the header's online/reconnecting/offline light.

import * as signalR from '@microsoft/signalr';
import { type Bilingual, onLanguage, pick } from './i18n';

type State = 'connected' | 'reconnecting' | 'disconnected';
const STATE_TEXT: Bilingual<Record<State, string>> = {
  zh: { connected: '在线', reconnecting: '重连中', disconnected: '离线' },
  en: { connected: 'Online', reconnecting: 'Reconnecting', disconnected: 'Offline' },
};
const RETRY_MS = 5000;

let state: State = 'disconnected';
function show(next: State): void {
  state = next;
  const indicator = document.querySelector<HTMLElement>('[data-testid="connection-state"]');
  if (!indicator) return;
  indicator.dataset.state = next;
  indicator.querySelector('.connection-label')!.textContent = pick(STATE_TEXT)[next];
}

export interface Live {
  connection: signalR.HubConnection;
  /** Starts, and keeps starting until it works; `subscribe` runs after every (re)connection. */
  start: () => Promise<void>;
}

/**
 * `subscribe` joins the page's groups and re-reads what it shows: whatever changed while the page was away was
 * never pushed to it, so every reconnection ends with a fresh load.
 */
export function live(url: string, subscribe: (connection: signalR.HubConnection) => Promise<void>): Live {
  const connection = new signalR.HubConnectionBuilder()
    // WebSockets straight away: no negotiate round trip, so several nodes behind a load balancer need no sticky sessions.
    .withUrl(url, { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
    .withAutomaticReconnect()
    .build();

  onLanguage(() => show(state));

  const watch = async () => {
    show('connected');
    try {
      await subscribe(connection);
    } catch (error) {
      // The connection dropped again; onreconnected or onclose brings us back here.
      console.warn('Subscribing failed', error);
    }
  };

  const start = async () => {
    for (;;) {
      try {
        await connection.start();
        break;
      } catch (error) {
        show('disconnected');
        console.warn(`Hub connection failed; retrying in ${RETRY_MS / 1000} s`, error);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
    await watch();
  };

  connection.onreconnecting(() => show('reconnecting'));
  connection.onreconnected(() => void watch());
  // Automatic reconnect gives up after a few tries; a screen that hangs on a wall or rides in a car must keep trying.
  connection.onclose(() => {
    show('disconnected');
    void start();
  });
  return { connection, start };
}
