import { describe, expect, it } from 'vitest';
import { medianDuration } from './duration.js';

const filled = (days: number, count = 1) => ({ days, open: false, count });
const open = (days: number, count = 1) => ({ days, open: true, count });

describe('medianDuration (Kaplan–Meier)', () => {
  it('is the plain median when nothing is censored', () => {
    expect(medianDuration([filled(10), filled(20), filled(30)])).toEqual({ days: 20, reached: true });
  });

  it('keeps open postings at risk until their age (hand-worked)', () => {
    // 10 filled, 20 filled, 25 open, 30 filled: S(10)=3/4, S(20)=3/4·2/3=1/2 → median 20.
    expect(medianDuration([filled(10), filled(20), open(25), filled(30)])).toEqual({ days: 20, reached: true });
    // Censoring early shrinks the risk set: 5 open, 10, 20, 30 filled: S(10)=2/3, S(20)=1/3 → 20.
    expect(medianDuration([open(5), filled(10), filled(20), filled(30)])).toEqual({ days: 20, reached: true });
  });

  it('gives a longer median than dropping the open postings would', () => {
    const obs = [filled(10), filled(12), open(40), open(50), filled(60)];
    // Dropping the open ones: median of 10,12,60 = 12. KM: S(10)=4/5, S(12)=3/5, S(60)=0 → 60.
    expect(medianDuration(obs)).toEqual({ days: 60, reached: true });
  });

  it('reports a lower bound when more than half are still open', () => {
    expect(medianDuration([filled(10), open(30), open(45)])).toEqual({ days: 45, reached: false });
  });

  it('weights by count and returns null without postings', () => {
    expect(medianDuration([filled(10, 3), filled(40, 2)])).toEqual({ days: 10, reached: true });
    expect(medianDuration([])).toBeNull();
  });
});
