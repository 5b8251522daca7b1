import { describe, expect, it } from 'vitest';
import { countByDistrict, districtCountChoropleth, SMALL_CELL_THRESHOLD, SUPPRESSED_COLOR } from './district-counts';
import { classColor } from '../../lib/scale';
import { SMALL_CELL_THRESHOLD as CORE_THRESHOLD } from '@talentmap/core';

describe('district counts on the map', () => {
  it('aggregates candidates by district', () => {
    const counts = countByDistrict([
      { regionCode: '320506', regionName: '吴中区' },
      { regionCode: '320506', regionName: '吴中区' },
      { regionCode: '320508', regionName: '姑苏区' },
    ]);
    expect(counts).toEqual([
      { regionCode: '320506', regionName: '吴中区', count: 2 },
      { regionCode: '320508', regionName: '姑苏区', count: 1 },
    ]);
  });

  it('never shows a number under 5', () => {
    const c = districtCountChoropleth(
      [
        { regionCode: '320506', regionName: '吴中区', count: 3 },
        { regionCode: '320508', regionName: '姑苏区', count: null },
        { regionCode: '320505', regionName: '虎丘区', count: 40 },
      ],
      'k',
      '匹配人才',
    );
    expect(c.describe('320506')).toEqual([{ label: '匹配人才', value: '少于 5 人' }]);
    expect(c.describe('320508')[0]!.value).toBe('少于 5 人');
    expect(c.describe('320505')[0]!.value).toBe('40 人');
    expect(classColor(c.values['320506'], c.classes)).toBe(SUPPRESSED_COLOR);
    expect(classColor(c.values['320505'], c.classes)).not.toBe(SUPPRESSED_COLOR);
    expect(JSON.stringify(c.values)).not.toContain(':3');
  });
});

describe('privacy threshold', () => {
  it('matches the server contract', () => {
    expect(SMALL_CELL_THRESHOLD).toBe(CORE_THRESHOLD);
  });
});
