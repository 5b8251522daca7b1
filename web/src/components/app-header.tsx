import type { MouseEvent, ReactNode } from 'react';
import type { Health } from '@talentmap/core';
import { JOURNEYS, type Journey } from '../lib/url-state';

const DRIVER_LABEL: Record<Health['database'], string> = {
  pglite: 'PGlite（嵌入式）',
  postgres: 'PostgreSQL',
};

export const JOURNEY_LABEL: Record<Journey, { title: string; hint: string }> = {
  planner: { title: '规划者', hint: '紧缺分析、紧缺目录、专栏1指标' },
  enterprise: { title: '企业', hint: '发布岗位，匹配人才' },
  institution: { title: '院校/培训机构', hint: '专业与产业吻合度、开课建议' },
};

export interface AppHeaderProps {
  health: Health | undefined;
  healthError: boolean;
  /** the journey shown, null on a page beside the journeys (the audit log, 数据导入) */
  journey: Journey | null;
  journeyHref: (journey: Journey) => string;
  onJourney: (journey: Journey) => void;
  /** who is signed in, or the login button */
  account?: ReactNode;
  /** links after the journeys' (数据导入, an admin's 审计日志) */
  nav?: ReactNode;
}

/** Title, the three journeys as navigation, a quiet line of system status and the account. */
export function AppHeader({ health, healthError, journey, journeyHref, onJourney, account, nav }: AppHeaderProps) {
  let status: string;
  if (health) status = `数据库：${DRIVER_LABEL[health.database] ?? health.database}`;
  else if (healthError) status = '服务状态未知';
  else status = '正在连接服务…';

  const go = (e: MouseEvent<HTMLAnchorElement>, j: Journey) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    onJourney(j);
  };
  return (
    <header className="app-header">
      <div className="app-header__titles">
        <h1 className="app-header__title">江苏省高技能人才地图</h1>
      </div>
      <nav className="journeys" aria-label="使用角色">
        {JOURNEYS.map((j) => (
          <a
            key={j}
            href={journeyHref(j)}
            className={`journeys__link${j === journey ? ' journeys__link--active' : ''}`}
            aria-current={j === journey ? 'page' : undefined}
            title={JOURNEY_LABEL[j].hint}
            onClick={(e) => go(e, j)}
            data-testid={`journey-${j}`}
          >
            {JOURNEY_LABEL[j].title}
          </a>
        ))}
        {nav}
      </nav>
      <div className="app-header__end">
        <p className="app-header__status" data-testid="db-driver">
          <span className={`status-dot${health ? ' status-dot--ok' : healthError ? ' status-dot--error' : ''}`} aria-hidden="true" />
          {status}
        </p>
        {account}
      </div>
    </header>
  );
}
