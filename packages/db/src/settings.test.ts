import { describe, expect, it } from 'vitest';
import { formatBytes, settingsAdvice } from './settings.js';

const MB = 1024 * 1024;
const GB = 1024 * MB;

describe('settingsAdvice', () => {
  it('asks for shared buffers that hold the searched tables, rounded up to 256 MB, never below 1 GB', () => {
    const defaults = { shared_buffers: 128 * MB, work_mem: 4 * MB, maintenance_work_mem: 64 * MB };
    const advice = settingsAdvice(defaults, 2 * GB);
    expect(advice.map((a) => [a.name, formatBytes(a.recommendedBytes)])).toEqual([
      ['shared_buffers', '2.5GB'],
      ['work_mem', '16MB'],
      ['maintenance_work_mem', '1GB'],
    ]);
    expect(settingsAdvice(defaults, 10 * MB)[0]?.recommendedBytes).toBe(GB);
  });

  it('says nothing when every setting is at least what it recommends', () => {
    expect(settingsAdvice({ shared_buffers: 4 * GB, work_mem: 64 * MB, maintenance_work_mem: 2 * GB }, 2 * GB)).toEqual([]);
  });
});
