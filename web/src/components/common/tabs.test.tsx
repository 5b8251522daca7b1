// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { key, render, type Rendered } from '../../test/render';
import { Tabs } from './tabs';

function Harness() {
  const [active, setActive] = useState('a');
  return (
    <Tabs
      label="视图"
      idPrefix="t"
      active={active}
      onChange={setActive}
      tabs={[
        { id: 'a', label: '甲' },
        { id: 'b', label: '乙' },
        { id: 'c', label: '丙' },
      ]}
    />
  );
}

let view: Rendered | undefined;
afterEach(() => view?.unmount());

describe('Tabs', () => {
  it('has one tab stop and moves with the arrow keys, Home and End', () => {
    view = render(<Harness />);
    const tabs = () => [...view!.container.querySelectorAll('[role="tab"]')] as HTMLElement[];
    expect(tabs().map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    key(tabs()[0]!, 'ArrowRight');
    expect(tabs()[1]!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs()[1]);
    key(tabs()[1]!, 'End');
    expect(tabs()[2]!.getAttribute('aria-selected')).toBe('true');
    key(tabs()[2]!, 'ArrowRight');
    expect(tabs()[0]!.getAttribute('aria-selected')).toBe('true');
    key(tabs()[0]!, 'ArrowLeft');
    expect(tabs()[2]!.getAttribute('aria-selected')).toBe('true');
    expect(tabs()[2]!.getAttribute('aria-controls')).toBe('t-panel-c');
  });
});
