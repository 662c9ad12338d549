import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { SessionSchema } from '../../src/feed/schema';

describe('session schema', () => {
  it('rejects an end before the start, at the end field', () => {
    const r = v.safeParse(SessionSchema, { freq: 'weekly', days: ['tu'], start: '12:00', end: '10:00' });
    expect(r.success).toBe(false);
    expect(r.issues?.map((i) => v.getDotPath(i))).toEqual(['end']);
  });
  it('defaults interval to 1', () => {
    const r = v.safeParse(SessionSchema, { freq: 'weekly', days: ['tu'], start: '10:00', end: '12:00' });
    expect(r.success && r.output.freq === 'weekly' && r.output.interval).toBe(1);
  });
});
