import type { Health } from '@talentmap/core';

const DRIVER_LABEL: Record<Health['database'], string> = {
  pglite: 'PGlite（嵌入式）',
  postgres: 'PostgreSQL',
};

export interface AppHeaderProps {
  health: Health | undefined;
  healthError: boolean;
}

/** Title, subtitle and a quiet line of system status (database driver). */
export function AppHeader({ health, healthError }: AppHeaderProps) {
  let status: string;
  if (health) status = `数据库：${DRIVER_LABEL[health.database] ?? health.database}`;
  else if (healthError) status = '服务状态未知';
  else status = '正在连接服务…';

  return (
    <header className="app-header">
      <div className="app-header__titles">
        <h1 className="app-header__title">江苏省高技能人才地图</h1>
        <p className="app-header__subtitle">产业链 · 岗位需求 · 技能人才 · 培训供给 —— 13 个设区市一图总览</p>
      </div>
      <p className="app-header__status" data-testid="db-driver">
        <span className={`status-dot${health ? ' status-dot--ok' : healthError ? ' status-dot--error' : ''}`} aria-hidden="true" />
        {status}
      </p>
    </header>
  );
}
