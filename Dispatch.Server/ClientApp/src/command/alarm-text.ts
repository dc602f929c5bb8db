// What an alarm says, in the page's language only. A part the server does not know (no category yet, no address)
// is left out, never shown as "—" or an empty slot between commas.
import { CLOCK_TEXT } from '../common/clocks';
import type { Bilingual, Lang } from '../common/i18n';
import type { AlarmKind, AlarmView } from '../common/model';

/** One unacknowledged alarm as GET /api/alarms lists it. */
export type Alarm = AlarmView;
export type { AlarmKind };

export const ALARM_TEXT: Bilingual<{
  title: string; acknowledge: string; acknowledgeAll: string; separator: string; lead: string;
  count: (n: number) => string;
  breached: (clock: string) => string; reinforcement: string; urgent: string;
}> = {
  zh: {
    title: '告警', acknowledge: '确认', acknowledgeAll: '全部确认', separator: '，', lead: ' — ',
    count: (n) => `未确认告警 ${n} 条`,
    breached: (clock) => `超时告警：${clock}未按时完成`, reinforcement: '请求增援', urgent: '紧急研判：疑似危及生命',
  },
  en: {
    title: 'Alarms', acknowledge: 'Acknowledge', acknowledgeAll: 'Acknowledge all', separator: ', ', lead: ' — ',
    count: (n) => `${n} unacknowledged alarm${n === 1 ? '' : 's'}`,
    breached: (clock) => `Clock breached: ${clock}`, reinforcement: 'Reinforcement requested', urgent: 'Urgent triage: possible danger to life',
  },
};

/** "超时告警：响应未按时完成 — 盗窃，云峰路100号", with only the parts that are known. */
export function alarmText(alarm: Alarm, lang: Lang): string {
  const t = ALARM_TEXT[lang];
  const head = alarm.kind === 'ClockBreached'
    ? t.breached(alarm.clock ? CLOCK_TEXT[lang].kind[alarm.clock] : '')
    : alarm.kind === 'ReinforcementRequested' ? t.reinforcement : t.urgent;
  // An urgent call in triage has no category yet: the caller's words say what it is.
  const what = alarm.kind === 'UrgentTriage' ? alarm.description : alarm.category;
  const parts = [what, alarm.address].map((part) => part?.trim() ?? '').filter((part) => part.length > 0);
  return parts.length === 0 ? head : head + t.lead + parts.join(t.separator);
}
