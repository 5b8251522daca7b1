import { describe, expect, it } from 'vitest';
import { decodeEChartsGeoJSON, decodeRing, encodeRing, zigZagDecode, type EncodedFeatureCollection } from './echarts-decode.js';

describe('zigZagDecode', () => {
  it('maps 0,1,2,3,4 to 0,-1,1,-2,2', () => {
    expect([0, 1, 2, 3, 4].map(zigZagDecode)).toEqual([0, -1, 1, -2, 2]);
  });
});

describe('decodeRing', () => {
  // Hand-encoded square, start (119°, 32°) → offset [119*1024, 32*1024] = [121856, 32768].
  // Deltas (0,0) (+10,0) (0,+10) (-10,-10); zigzag: 0→0, 10→20, -10→19; +64 → '@', 'T', 'S'.
  const encoded = '@@' + 'T@' + '@T' + 'SS';

  it('decodes a tiny hand-encoded ring to the expected coordinates', () => {
    expect(decodeRing(encoded, [121856, 32768])).toEqual([
      [119, 32],
      [119.009765625, 32],
      [119.009765625, 32.009765625],
      [119, 32],
    ]);
  });

  it('honours a custom scale', () => {
    expect(decodeRing('@@T@', [1000, 2000], 100)).toEqual([
      [10, 20],
      [10.1, 20],
    ]);
  });

  it('round-trips with encodeRing', () => {
    const pts: [number, number][] = [
      [121856, 32768],
      [121900, 32700],
      [121500, 33000],
      [121856, 32768],
    ];
    const { encoded: e, offset } = encodeRing(pts);
    expect(decodeRing(e, offset)).toEqual(pts.map(([x, y]) => [x / 1024, y / 1024]));
  });

  it('rejects odd-length input', () => {
    expect(() => decodeRing('@@@', [0, 0])).toThrow(/odd/);
  });
});

describe('decodeEChartsGeoJSON', () => {
  const open = encodeRing([
    [1024, 2048],
    [1034, 2048],
    [1034, 2058],
  ]); // open triangle
  const sq = encodeRing([
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
    [0, 0],
  ]);
  const input: EncodedFeatureCollection = {
    type: 'FeatureCollection',
    UTF8Encoding: true,
    features: [
      {
        type: 'Feature',
        id: '320102',
        properties: { name: 'A' },
        geometry: { type: 'Polygon', coordinates: [open.encoded], encodeOffsets: [open.offset] },
      },
      {
        type: 'Feature',
        properties: { name: 'B' },
        geometry: {
          type: 'MultiPolygon',
          coordinates: [[sq.encoded], [open.encoded]],
          encodeOffsets: [[sq.offset], [open.offset]],
        },
      },
    ],
  };

  it('decodes Polygon and MultiPolygon, closes rings, keeps id/properties, does not mutate', () => {
    const before = JSON.stringify(input);
    const out = decodeEChartsGeoJSON(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(out.type).toBe('FeatureCollection');
    const [a, b] = out.features;
    expect(a?.id).toBe('320102');
    expect(a?.properties).toEqual({ name: 'A' });
    expect(a?.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [1, 2],
          [1 + 10 / 1024, 2],
          [1 + 10 / 1024, 2 + 10 / 1024],
          [1, 2],
        ],
      ],
    });
    expect(b?.geometry.type).toBe('MultiPolygon');
    expect(b?.geometry.coordinates[0]).toEqual([
      [
        [0, 0],
        [10 / 1024, 0],
        [10 / 1024, 10 / 1024],
        [0, 10 / 1024],
        [0, 0],
      ],
    ]);
  });

  it('passes through already-decoded collections', () => {
    const plain: EncodedFeatureCollection = {
      type: 'FeatureCollection',
      UTF8Encoding: false,
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 0],
              ],
            ],
          },
        },
      ],
    };
    expect(decodeEChartsGeoJSON(plain).features[0]?.geometry.coordinates).toEqual([
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ]);
  });

  it('throws on a missing offset', () => {
    const bad: EncodedFeatureCollection = {
      type: 'FeatureCollection',
      UTF8Encoding: true,
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: ['@@'], encodeOffsets: [] } }],
    };
    expect(() => decodeEChartsGeoJSON(bad)).toThrow(/encodeOffsets/);
  });
});
