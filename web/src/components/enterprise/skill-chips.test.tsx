// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { click, key, render, type Rendered } from '../../test/render';
import { SkillChips } from './skill-chips';

let latest: string[] = [];
function Harness({ initial }: { initial: string[] }) {
  const [skills, setSkills] = useState(initial);
  const onChange = (next: string[]) => {
    latest = next;
    setSkills(next);
  };
  return <SkillChips skills={skills} onChange={onChange} origin={{ 钨极氩弧焊: '文本' }} />;
}

let view: Rendered | undefined;
afterEach(() => view?.unmount());

describe('SkillChips', () => {
  it('removes a chip by click or by Delete, and labels each for screen readers', () => {
    view = render(<Harness initial={['熔化极气体保护焊', '钨极氩弧焊', '机械识图']} />);
    const chips = () => [...view!.container.querySelectorAll('[data-chip]')];
    expect(chips().map((c) => c.getAttribute('aria-label'))).toEqual(['移除技能 熔化极气体保护焊', '移除技能 钨极氩弧焊', '移除技能 机械识图']);
    expect(chips()[1]!.textContent).toContain('文本');
    click(chips()[0]!);
    expect(latest).toEqual(['钨极氩弧焊', '机械识图']);
    key(chips()[1]!, 'Delete');
    expect(latest).toEqual(['钨极氩弧焊']);
    expect(view.container.textContent).toContain('所需技能（1）');
  });
});
