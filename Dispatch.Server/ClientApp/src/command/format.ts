// Pure formatting and classification for the command screen's panels (tested in format.test.ts).

import type { Lang } from '../common/i18n';
import type { TaskOrderStatus } from './types';

/** A caller's number with the middle hidden (138****5678): the screen hangs where visitors can read it. */
export function maskPhone(phone: string | null | undefined): string {
  const digits = (phone ?? '').trim();
  if (!digits) return '';
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${'*'.repeat(Math.max(digits.length - 2, 0))}${digits.slice(-2)}`;
}

/** "850 m", "1.2 km". */
export function formatDistance(metres: number): string {
  if (metres < 1000) return `${Math.round(metres)} m`;
  return `${(metres / 1000).toFixed(metres < 10_000 ? 1 : 0)} km`;
}

/** "3分20秒" / "3 min 20 s"; whole minutes past ten minutes. */
export function formatEta(seconds: number, lang: Lang): string {
  const total = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  if (lang === 'zh') {
    if (minutes === 0) return `${rest}秒`;
    return minutes >= 10 || rest === 0 ? `${minutes}分钟` : `${minutes}分${rest}秒`;
  }
  if (minutes === 0) return `${rest} s`;
  return minutes >= 10 || rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

const OPEN_ORDERS: ReadonlySet<TaskOrderStatus> = new Set(['Issued', 'Accepted', 'DelayRequested', 'Returned', 'Reopened']);

/** Still work for someone: not completed, evaluated or closed. */
export const isOpenOrder = (status: TaskOrderStatus): boolean => OPEN_ORDERS.has(status);
