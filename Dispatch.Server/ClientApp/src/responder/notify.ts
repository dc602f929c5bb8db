// New work while the phone shows something else: a system notification through the service worker (Android Chrome
// allows no other kind), where the browser and the responder allow it. The page says plainly when notifications are
// off, so nobody relies on an alert that will not come; turning them on needs a tap (browsers refuse to ask otherwise).

import { pick, type Bilingual } from '../common/i18n';

export type NotifyState = 'unsupported' | 'default' | 'denied' | 'granted';

export const NOTIFY_TEXT: Bilingual<{ state: Record<NotifyState, string>; enable: string; title: string }> = {
  zh: {
    state: {
      unsupported: '此浏览器不支持系统通知：新任务只在本页打开时提醒',
      default: '系统通知未开启：页面在后台时收不到新任务提醒',
      denied: '系统通知已被关闭：请在浏览器设置中允许本站通知，否则页面在后台时收不到新任务提醒',
      granted: '系统通知已开启：页面在后台时也会提醒新任务',
    },
    enable: '开启通知',
    title: '新派单',
  },
  en: {
    state: {
      unsupported: 'This browser has no system notifications: new work alerts only while this page is open',
      default: 'Notifications are off: no alert for new work while the page is in the background',
      denied: 'Notifications are blocked: allow them for this site in the browser settings, or new work will not alert in the background',
      granted: 'Notifications are on: new work alerts even while the page is in the background',
    },
    enable: 'Turn on notifications',
    title: 'New assignment',
  },
};

export function notifyState(): NotifyState {
  return 'Notification' in window ? Notification.permission : 'unsupported';
}

/** Pure: a system notification only when the page is out of sight (in sight, the banner and tone do it) and allowed. */
export function shouldNotify(visibility: DocumentVisibilityState, state: NotifyState): boolean {
  return visibility === 'hidden' && state === 'granted';
}

/** Shows the state line, and the button to turn notifications on while the browser may still ask. */
export function showNotifyState(line: HTMLElement, text: HTMLElement, enable: HTMLButtonElement): void {
  const state = notifyState();
  line.dataset.state = state;
  line.hidden = false;
  text.textContent = pick(NOTIFY_TEXT).state[state];
  enable.textContent = pick(NOTIFY_TEXT).enable;
  enable.hidden = state !== 'default';
}

export async function requestNotifications(): Promise<void> {
  if (notifyState() === 'default') await Notification.requestPermission();
}

/**
 * Notifies of a new assignment when the page is out of sight. One notification per assignment (its tag), kept until
 * the responder acts on it; through the service worker where there is one, else the page's own.
 */
export async function notifyNewWork(assignmentId: string, body: string): Promise<boolean> {
  if (!shouldNotify(document.visibilityState, notifyState())) return false;
  const options: NotificationOptions = { body, tag: `assignment-${assignmentId}`, requireInteraction: true, icon: '/icon.svg' };
  const registration = 'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration('/responder.html') : undefined;
  if (registration) await registration.showNotification(pick(NOTIFY_TEXT).title, options);
  else new Notification(pick(NOTIFY_TEXT).title, options);
  return true;
}
