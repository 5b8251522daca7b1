import { can } from '../../lib/access';
import { PLANNER_TABS, type PlannerTab } from '../../lib/url-state';
import { useSession } from '../auth/use-session';
import { Tabs } from '../common/tabs';
import { ContactInbox } from '../contact-requests/contact-inbox';
import { CatalogTab } from './catalog-tab';
import { IndicatorsTab } from './indicators-tab';
import { OverviewTab } from './overview-tab';
import { RegionNav, type RegionNavProps } from './region-nav';

const TAB_LABEL: Record<PlannerTab, string> = { overview: '短缺概览', catalog: '紧缺目录', indicators: '专栏1 指标', requests: '联系请求' };

export interface PlannerPanelProps extends RegionNavProps {
  latestQuarter: string | null;
}

/** 规划者: where labour is short and why, the catalogue to publish, and the plan's indicators. */
export function PlannerPanel({ state, update, regionName, latestQuarter, cities, districts }: PlannerPanelProps) {
  const { viewer } = useSession();
  // The inbox is the employment service's: its tab shows for planners (or whoever opened its link).
  const tabs = PLANNER_TABS.filter((t) => t !== 'requests' || can(viewer, 'handleContactRequests') || state.tab === 'requests');
  return (
    <div className="panel-body">
      <RegionNav state={state} update={update} regionName={regionName} cities={cities} districts={districts} />
      <Tabs
        label="规划者视图"
        tabs={tabs.map((t) => ({ id: t, label: TAB_LABEL[t] }))}
        active={state.tab}
        onChange={(tab) => update({ tab: tab as PlannerTab })}
        idPrefix="planner"
      />
      <div role="tabpanel" id={`planner-panel-${state.tab}`} aria-labelledby={`planner-tab-${state.tab}`} className="tabpanel">
        {state.tab === 'overview' && <OverviewTab state={state} update={update} regionName={regionName} latestQuarter={latestQuarter} />}
        {state.tab === 'catalog' && <CatalogTab state={state} update={update} />}
        {state.tab === 'indicators' && <IndicatorsTab />}
        {state.tab === 'requests' && <ContactInbox />}
      </div>
    </div>
  );
}
