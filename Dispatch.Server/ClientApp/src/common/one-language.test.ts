import { describe, expect, it } from 'vitest';
import { describeProblem, inLanguage } from './one-language';

describe('inLanguage', () => {
  it('takes the half of a "中文 / English" sentence in the language asked for', () => {
    expect(inLanguage('请填写交办要求 / Instructions are required', 'zh')).toBe('请填写交办要求');
    expect(inLanguage('请填写交办要求 / Instructions are required', 'en')).toBe('Instructions are required');
  });

  it('does not cut at a slash inside the Chinese half', () => {
    expect(inLanguage('移交119/120 / 联动 / Handed to 119/120', 'zh')).toBe('移交119/120 / 联动');
    expect(inLanguage('移交119/120 / 联动 / Handed to 119/120', 'en')).toBe('Handed to 119/120');
  });

  it('leaves a sentence in one language as it is', () => {
    expect(inLanguage('云峰路 12/3 号', 'en')).toBe('云峰路 12/3 号');
    expect(inLanguage('no slash here', 'zh')).toBe('no slash here');
  });
});

describe('describeProblem', () => {
  const busy = {
    title: '尚有任务 / The unit has open work',
    detail: 'YF-PC01 尚在处置警情 abc，处置完毕后才能下班 / YF-PC01 is OnScene on incident abc; clear the assignment before signing off.',
  };

  it('shows the Chinese page only Chinese', () => {
    expect(describeProblem(409, busy, 'zh')).toBe('尚有任务：YF-PC01 尚在处置警情 abc，处置完毕后才能下班');
  });

  it('shows the English page only English', () => {
    expect(describeProblem(409, busy, 'en')).toBe('The unit has open work: YF-PC01 is OnScene on incident abc; clear the assignment before signing off.');
  });

  it('drops an English-only detail on the Chinese page and keeps the title', () => {
    expect(describeProblem(409, { title: '事件已结束 / The incident is closed', detail: 'Incident abc is closed.' }, 'zh')).toBe('事件已结束');
  });

  it('says what the status means when the server said nothing readable', () => {
    expect(describeProblem(503, undefined, 'zh')).toBe('服务器暂时无法处理，请稍后再试');
    expect(describeProblem(404, { detail: 'Incident abc does not exist.' }, 'zh')).toBe('未找到，或不在您的辖区');
    expect(describeProblem(404, { detail: 'Incident abc does not exist.' }, 'en')).toBe('Not found, or outside your areas: Incident abc does not exist.');
  });

  it('reads field errors in the page language', () => {
    const invalid = { title: '联动移交有误 / Invalid linkage hand-off', errors: { service: ["service 'Police' is not one of Fire, Medical, Emergency."] } };
    expect(describeProblem(400, invalid, 'zh')).toBe('联动移交有误');
    expect(describeProblem(400, invalid, 'en')).toBe("Invalid linkage hand-off: service 'Police' is not one of Fire, Medical, Emergency.");
  });
});
