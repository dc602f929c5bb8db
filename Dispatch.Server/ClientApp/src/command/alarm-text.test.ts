import { describe, expect, it } from 'vitest';
import { type Alarm, alarmText } from './alarm-text';

const breach: Alarm = {
  id: 'breach-Respond-1', kind: 'ClockBreached', incidentId: '1', clock: 'Respond', category: '盗窃', address: '云峰路100号',
  description: '商场内手机被盗', at: '2026-12-06T01:00:00Z',
};

describe('alarmText', () => {
  it('says the clock, the category and the address', () => {
    expect(alarmText(breach, 'zh')).toBe('超时告警：响应未按时完成 — 盗窃，云峰路100号');
  });

  it('leaves out what is not known instead of showing a placeholder', () => {
    expect(alarmText({ ...breach, category: null }, 'zh')).toBe('超时告警：响应未按时完成 — 云峰路100号');
    expect(alarmText({ ...breach, address: '  ' }, 'zh')).toBe('超时告警：响应未按时完成 — 盗窃');
    const bare = alarmText({ ...breach, category: null, address: null }, 'zh');
    expect(bare).toBe('超时告警：响应未按时完成');
    expect(bare).not.toMatch(/—|，$/);
  });

  it('speaks the page language only', () => {
    const english = alarmText({ ...breach, category: 'Theft', address: '100 Yunfeng Rd' }, 'en');
    expect(english).toMatch(/^Clock breached: .+ — Theft, 100 Yunfeng Rd$/);
    expect(english).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('names an urgent triage call by its caller\'s words, and a reinforcement request', () => {
    expect(alarmText({ ...breach, kind: 'UrgentTriage', clock: null, category: null, description: '有人落水', address: null }, 'zh'))
      .toBe('紧急研判：疑似危及生命 — 有人落水');
    expect(alarmText({ ...breach, kind: 'ReinforcementRequested', clock: null }, 'en')).toBe('Reinforcement requested — 盗窃, 云峰路100号');
  });
});
