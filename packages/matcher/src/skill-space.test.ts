import { describe, expect, it } from 'vitest';
import { EMBEDDING_DIM } from '@talentmap/core';
import { tinyGraph } from './fixtures.test-helper.js';
import { SkillSpace, dot } from './skill-space.js';

describe('SkillSpace', () => {
  const space = SkillSpace.build(tinyGraph);

  it('gives every skill a unit vector of the schema dimension', () => {
    for (const id of space.skillIds) {
      const v = space.vectorOf(id);
      expect(v).toHaveLength(EMBEDDING_DIM);
      expect(dot(v, v)).toBeCloseTo(1, 5);
    }
  });

  it('is deterministic', () => {
    expect(Array.from(SkillSpace.build(tinyGraph).vectorOf(2))).toEqual(Array.from(space.vectorOf(2)));
  });

  it('puts skills that go together closer than skills that do not', () => {
    expect(space.similarity(2, 3)).toBeGreaterThan(space.similarity(2, 6) + 0.3);
    expect(space.similarity(4, 5)).toBeGreaterThan(space.similarity(4, 6) + 0.3);
    expect(space.nearest(2, 2).map((n) => n.skillId)).toContain(3);
  });

  it('embeds weighted skills as a normalised sum, and nothing as null', () => {
    const v = space.embed([
      { skillId: 2, weight: 1 },
      { skillId: 3, weight: 0.5 },
    ]);
    expect(v).not.toBeNull();
    expect(dot(v as number[], v as number[])).toBeCloseTo(1, 4);
    expect(space.embed([])).toBeNull();
    expect(space.embed([{ skillId: 999, weight: 1 }])).toBeNull();
  });
});
