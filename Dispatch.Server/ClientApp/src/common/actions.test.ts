import { describe, expect, it } from 'vitest';
import { actionLabel } from './actions';
import { setLanguage } from './i18n';

describe('actionLabel', () => {
  it('says an audit action in Chinese by default and in English on the switch', () => {
    setLanguage('zh');
    expect(actionLabel('assignment.acknowledged')).toBe('签收');
    setLanguage('en');
    expect(actionLabel('assignment.acknowledged')).toBe('Acknowledged');
    setLanguage('zh');
  });

  it('shows an unknown action as its code rather than hiding it', () => {
    expect(actionLabel('incident.teleported')).toBe('incident.teleported');
  });
});
