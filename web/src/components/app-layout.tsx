import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api';
import { stateHref, type AppState } from '../lib/url-state';
import type { UpdateState } from '../lib/use-url-state';
import { AdminNav } from './admin/admin-nav';
import { AuditLogPage } from './admin/audit-log-page';
import { AppHeader, JOURNEY_LABEL } from './app-header';
import { SessionControls } from './auth/session-controls';
import { DatasetBanner } from './dataset-banner';
import { FilterBar } from './filters/filter-bar';
import { ImportsNav } from './imports/imports-nav';
import { ImportsPage } from './imports/imports-page';

export interface AppLayoutProps {
  state: AppState;
  update: UpdateState;
  quarters: string[];
  latestQuarter: string | null;
  regionName: (code: string) => string;
  /** the journey's panel */
  panel: ReactNode;
  /** the map */
  children: ReactNode;
}

/** Header and data banner over the journey's panel beside the filters and the map (or over a page: the audit log, 数据导入). */
export function AppLayout({ state, update, quarters, latestQuarter, regionName, panel, children }: AppLayoutProps) {
  const health = useQuery({ queryKey: ['health'], queryFn: ({ signal }) => api.health(signal), staleTime: 60_000 });
  const wide = state.journey === 'planner' && state.tab === 'catalog';
  return (
    <div className="app">
      <a href="#panel" className="skip-link">
        跳到分析面板
      </a>
      <AppHeader
        health={health.data}
        healthError={health.isError}
        journey={state.page ? null : state.journey}
        journeyHref={(journey) => stateHref({ ...state, journey, page: null })}
        onJourney={(journey) => update({ journey })}
        account={<SessionControls regionName={regionName} />}
        nav={
          <>
            <ImportsNav state={state} update={update} />
            <AdminNav state={state} update={update} />
          </>
        }
      />
      <DatasetBanner health={health.data} />
      {state.page === 'audit' ? (
        <AuditLogPage />
      ) : state.page === 'imports' ? (
        <ImportsPage />
      ) : (
        <div className={`workspace${wide ? ' workspace--wide' : ''}`}>
          <aside id="panel" className="panel" aria-label={`${JOURNEY_LABEL[state.journey].title}分析面板`} tabIndex={-1} data-testid={`panel-${state.journey}`}>
            {panel}
          </aside>
          <main className="map-area" aria-label="地图">
            <FilterBar state={state} update={update} quarters={quarters} latestQuarter={latestQuarter} />
            <div className="map-wrap">{children}</div>
          </main>
        </div>
      )}
    </div>
  );
}
