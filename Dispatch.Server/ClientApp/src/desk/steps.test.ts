import { describe, expect, it } from 'vitest';
import { INPUT, reassignChoices, STEPS, stepBody } from './steps';

const form = { text: '  需协调产权单位 ', date: '2025-10-21', rating: 'Dissatisfied', organisation: 'SJ-YUNFENG' };

describe('stepBody', () => {
  it('sends each step the fields its route reads, trimmed', () => {
    expect(stepBody('complete', form)).toEqual({ result: '需协调产权单位' });
    expect(stepBody('request-delay', form)).toEqual({ reason: '需协调产权单位', newDueAt: '2025-10-21T23:59:59+08:00' });
    expect(stepBody('reject-delay', form)).toEqual({ reason: '需协调产权单位' });
    expect(stepBody('reopen', form)).toEqual({ reason: '需协调产权单位' });
    expect(stepBody('reassign', form)).toEqual({ organisationCode: 'SJ-YUNFENG', reason: '需协调产权单位' });
    expect(stepBody('accept', form)).toBeUndefined();
    expect(stepBody('close', form)).toBeUndefined();
  });

  it('leaves a blank evaluation comment out', () => {
    expect(stepBody('evaluate', { ...form, text: '  ', rating: 'Satisfied' })).toEqual({ rating: 'Satisfied' });
    expect(stepBody('evaluate', { ...form, text: '处理及时' })).toEqual({ rating: 'Dissatisfied', comment: '处理及时' });
  });
});

describe('INPUT', () => {
  it('asks only for steps of the list, and every step with a body asks for something', () => {
    for (const step of Object.keys(INPUT)) expect(STEPS).toContain(step);
    for (const step of STEPS) expect(stepBody(step, form) !== undefined).toBe(INPUT[step] !== undefined);
  });
});

describe('reassignChoices', () => {
  it('offers every organisation but the one that returned the order', () => {
    const organisations = [{ code: 'CG-YUNFENG' }, { code: 'SJ-YUNFENG' }, { code: 'SF-YUNFENG' }];
    expect(reassignChoices(organisations, 'CG-YUNFENG').map((o) => o.code)).toEqual(['SJ-YUNFENG', 'SF-YUNFENG']);
  });
});
