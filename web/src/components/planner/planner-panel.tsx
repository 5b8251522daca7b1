import { PLANNER_TABS, type PlannerTab } from '../../lib/url-state';
import { Tabs } from '../common/tabs';
import { CatalogTab } from './catalog-tab';
import { IndicatorsTab } from './indicators-tab';
import { OverviewTab } from './overview-tab';
import { RegionNav, type RegionNavProps } from './region-nav';

const TAB_LABEL: Record<PlannerTab, string> = { overview: '短缺概览', catalog: '紧缺目录', indicators: '专栏1 指标' };

export interface PlannerPanelProps extends RegionNavProps {
  latestQuarter: string | null;
}

/** 规划者: where labour is short and why, the catalogue to publish, and the plan's indicators. */
export function PlannerPanel({ state, update, regionName, latestQuarter, cities, districts }: PlannerPanelProps) {
  return (
    <div className="panel-body">
      <RegionNav state={state} update={update} regionName={regionName} cities={cities} districts={districts} />
      <Tabs
        label="规划者视图"
        tabs={PLANNER_TABS.map((t) => ({ id: t, label: TAB_LABEL[t] }))}
        active={state.tab}
        onChange={(tab) => update({ tab: tab as PlannerTab })}
        idPrefix="planner"
      />
      <div role="tabpanel" id={`planner-panel-${state.tab}`} aria-labelledby={`planner-tab-${state.tab}`} className="tabpanel">
        {state.tab === 'overview' && <OverviewTab state={state} update={update} regionName={regionName} latestQuarter={latestQuarter} />}
        {state.tab === 'catalog' && <CatalogTab state={state} update={update} />}
        {state.tab === 'indicators' && <IndicatorsTab />}
      </div>
    </div>
  );
}
