import { describe, expect, it } from 'vitest';
import { classColor, classIndex, countClasses, countLabel, NO_DATA_COLOR, SHORTAGE_CLASSES } from './scale';

describe('shortage classes', () => {
  it("put scores in the rule's bands", () => {
    expect(classIndex(0, SHORTAGE_CLASSES)).toBe(0);
    expect(classIndex(0.99, SHORTAGE_CLASSES)).toBe(0);
    expect(classIndex(1, SHORTAGE_CLASSES)).toBe(1);
    expect(classIndex(1.5, SHORTAGE_CLASSES)).toBe(2);
    expect(classIndex(1.99, SHORTAGE_CLASSES)).toBe(2);
    expect(classIndex(2, SHORTAGE_CLASSES)).toBe(3);
    expect(classIndex(3, SHORTAGE_CLASSES)).toBe(3);
  });
  it('give unscored regions the no-data colour', () => {
    expect(classIndex(null, SHORTAGE_CLASSES)).toBe(-1);
    expect(classColor(null, SHORTAGE_CLASSES)).toBe(NO_DATA_COLOR);
    expect(classColor(2.4, SHORTAGE_CLASSES)).toBe(SHORTAGE_CLASSES[3]!.color);
  });
});

describe('countClasses', () => {
  it('makes increasing round bounds that cover the data', () => {
    const values = Array.from({ length: 100 }, (_, i) => i * i);
    const classes = countClasses(values);
    expect(classes.length).toBeGreaterThanOrEqual(3);
    expect(classes[0]!.from).toBe(0);
    for (let i = 1; i < classes.length; i++) {
      expect(classes[i]!.from!).toBeGreaterThan(classes[i - 1]!.from!);
      expect(classes[i - 1]!.to).toBe(classes[i]!.from);
    }
    expect(classes[classes.length - 1]!.to).toBeNull();
    for (const v of values) expect(classIndex(v, classes)).toBeGreaterThanOrEqual(0);
  });
  it('ends with the darkest colour and labels the open class', () => {
    const classes = countClasses([1, 2, 3, 50, 400]);
    expect(classes[classes.length - 1]!.color).toBe('#0b4486');
    expect(classes[classes.length - 1]!.label.startsWith('≥')).toBe(true);
  });
  it('handles empty and constant data', () => {
    expect(countClasses([])).toEqual([]);
    expect(countClasses([null, undefined])).toEqual([]);
    const one = countClasses([7, 7, 7]);
    expect(one.length).toBeGreaterThanOrEqual(1);
    expect(classIndex(7, one)).toBeGreaterThanOrEqual(0);
  });
});

describe('countLabel', () => {
  it('reads whole-number classes inclusively', () => {
    expect(countLabel(5, 10)).toBe('5–9');
    expect(countLabel(5, 6)).toBe('5');
    expect(countLabel(5, null)).toBe('≥ 5');
  });
});

describe('countClasses with a floor', () => {
  it('starts at the suppression threshold', () => {
    const classes = countClasses([5, 8, 12, 40, 90, 300], String, undefined, 5);
    expect(classes[0]!.from).toBe(5);
    expect(classes.every((c) => c.from! >= 5)).toBe(true);
    expect(classIndex(4, classes)).toBe(-1);
  });
});
