// Times read the same way in every language: the 24-hour clock, never a Latin AM/PM inside a right-to-left sentence.
import { describe, expect, it } from 'vitest';
import { dateTimeFormat } from '../../src/i18n/format';

describe('dateTimeFormat', () => {
  const afternoon = new Date('2026-11-24T14:30:00Z');
  it.each(['en', 'ur', 'bn', 'pa', 'gu', 'pl', 'ar', 'ro'])('writes times on the 24-hour clock in %s', (code) => {
    const format = dateTimeFormat({ hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }, code);
    expect(format.resolvedOptions().hourCycle).toBe('h23');
    expect(format.formatToParts(afternoon).some((part) => part.type === 'dayPeriod')).toBe(false);
    expect(format.format(afternoon)).not.toMatch(/AM|PM/i);
  });

  it('leaves a caller who asks for a 12-hour clock alone', () => {
    expect(dateTimeFormat({ hour: 'numeric', hour12: true, timeZone: 'UTC' }, 'en').format(afternoon)).toMatch(/pm/i);
  });
});
