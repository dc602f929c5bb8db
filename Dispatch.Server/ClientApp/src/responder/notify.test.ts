import { describe, expect, it } from 'vitest';
import { shouldNotify } from './notify';

describe('shouldNotify', () => {
  it('notifies only when the page is out of sight and notifications are allowed', () => {
    expect(shouldNotify('hidden', 'granted')).toBe(true);
    expect(shouldNotify('visible', 'granted')).toBe(false);
    expect(shouldNotify('hidden', 'default')).toBe(false);
    expect(shouldNotify('hidden', 'denied')).toBe(false);
    expect(shouldNotify('hidden', 'unsupported')).toBe(false);
  });
});
