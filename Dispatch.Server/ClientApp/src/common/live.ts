// One SignalR connection per page that never gives up, and the header's online/reconnecting/offline light.

import * as signalR from '@microsoft/signalr';
import { type Bilingual, onLanguage, pick } from './i18n';

type State = 'connected' | 'reconnecting' | 'disconnected';
const STATE_TEXT: Bilingual<Record<State, string>> = {
  zh: { connected: '在线', reconnecting: '重连中', disconnected: '离线' },
  en: { connected: 'Online', reconnecting: 'Reconnecting', disconnected: 'Offline' },
};
// A screen must never stay blind, or look live while it is not, for more than 5 s (issue 19). The server pings every
// 2 s (ScreensSetup); three missed pings, and the connection is taken for lost.
const SERVER_TIMEOUT_MS = 4500;
const KEEP_ALIVE_MS = 2000;

/** 1–2 s between attempts, forever: back within 2 s of the server's return, without every screen retrying in step. */
export function retryDelay(previousRetryCount: number, random: () => number = Math.random): number {
  return previousRetryCount === 0 ? 0 : 1000 + Math.floor(random() * 1000);
}

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
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => retryDelay(context.previousRetryCount) })
    .build();
  connection.serverTimeoutInMilliseconds = SERVER_TIMEOUT_MS;
  connection.keepAliveIntervalInMilliseconds = KEEP_ALIVE_MS;

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
    for (let attempt = 1; ; attempt++) {
      try {
        await connection.start();
        break;
      } catch (error) {
        show('disconnected');
        const delay = retryDelay(attempt);
        console.warn(`Hub connection failed; retrying in ${delay} ms`, error);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
    await watch();
  };

  connection.onreconnecting(() => show('reconnecting'));
  connection.onreconnected(() => void watch());
  // Reconnecting never gives up (retryDelay never answers null), but a first start that failed, or a server that
  // refused a reconnection, closes the connection: a screen that hangs on a wall or rides in a car must keep trying.
  connection.onclose(() => {
    show('disconnected');
    void start();
  });
  return { connection, start };
}
