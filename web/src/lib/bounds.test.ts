import { describe, expect, it } from 'vitest';
import type { RegionCollection, RegionFeature } from '@talentmap/core';
import { collectionBounds } from './bounds';

const props = (code: string): RegionFeature['properties'] => ({
  code,
  name: code,
  level: 'city',
  parentCode: '320000',
  centroid: [0, 0],
});

describe('collectionBounds', () => {
  it('covers polygons and multipolygons, holes included', () => {
    const collection: RegionCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: props('320100'),
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [118.4, 31.2],
                [119.2, 31.2],
                [119.2, 32.6],
                [118.4, 31.2],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: props('320600'),
          geometry: {
            type: 'MultiPolygon',
            coordinates: [
              [
                [
                  [120.1, 31.7],
                  [121.9, 31.7],
                  [121.9, 32.9],
                  [120.1, 31.7],
                ],
              ],
              [
                [
                  [116.3, 34.1],
                  [116.9, 35.2],
                  [116.5, 30.7],
                  [116.3, 34.1],
                ],
              ],
            ],
          },
        },
      ],
    };
    expect(collectionBounds(collection)).toEqual([
      [116.3, 30.7],
      [121.9, 35.2],
    ]);
  });

  it('returns null for an empty collection', () => {
    expect(collectionBounds({ features: [] })).toBeNull();
  });

  it('ignores non-finite coordinates', () => {
    const bounds = collectionBounds({
      features: [
        {
          type: 'Feature',
          properties: props('320200'),
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [120, 31],
                [Number.NaN, 40],
                [121, 32],
              ],
            ],
          },
        },
      ],
    });
    expect(bounds).toEqual([
      [120, 31],
      [121, 32],
    ]);
  });
});
