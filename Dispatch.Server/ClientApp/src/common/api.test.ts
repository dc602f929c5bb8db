import { describe, expect, it } from 'vitest';
import { describeProblemIn, inLanguage } from './api';

describe('inLanguage', () => {
  it('takes the half of a bilingual sentence for the language, and leaves other text alone', () => {
    expect(inLanguage('无法执行 / Not possible now', 'zh')).toBe('无法执行');
    expect(inLanguage('无法执行 / Not possible now', 'en')).toBe('Not possible now');
    expect(inLanguage('Only 城管 can accept', 'zh')).toBe('Only 城管 can accept');
  });
});

describe('describeProblemIn', () => {
  const refused = { title: '无法执行 / Not possible now', detail: '延期后的期限须晚于当前期限 / the new due time must be later than the current one' };
  const forbidden = { title: '无权操作 / Not your organisation\'s task order', detail: 'Only 城管 (CG-YUNFENG) can accept this task order.' };
  const invalid = { title: '任务单操作内容有误 / Invalid task-order step', errors: { reason: ['reason is required'] } };

  it('says a refusal in the page language', () => {
    expect(describeProblemIn('zh', 409, refused)).toBe('延期后的期限须晚于当前期限');
    expect(describeProblemIn('en', 409, refused)).toBe('the new due time must be later than the current one');
  });

  it('falls back to the bilingual title in Chinese when the detail is English only', () => {
    expect(describeProblemIn('zh', 403, forbidden)).toBe('无权操作');
    expect(describeProblemIn('en', 403, forbidden)).toBe('Only 城管 (CG-YUNFENG) can accept this task order.');
    expect(describeProblemIn('zh', 400, invalid)).toBe('任务单操作内容有误');
    expect(describeProblemIn('en', 400, invalid)).toBe('reason is required');
  });

  it('says the status when there is no problem body', () => {
    expect(describeProblemIn('zh', 502, undefined)).toBe('HTTP 502');
  });
});
