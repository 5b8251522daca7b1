import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { QueryState } from '../common/query-state';
import { IndicatorCards } from './indicator-cards';

/** The plan's 专栏1 indicators. */
export function IndicatorsTab() {
  const indicators = useQuery({ queryKey: ['indicators'], queryFn: ({ signal }) => api.indicators(signal), staleTime: 5 * 60_000 });
  return (
    <QueryState query={indicators} what="专栏1 指标">
      {(data) => (
        <>
          <h2 className="panel__title">专栏1 “十四五”技能人才发展主要指标</h2>
          <IndicatorCards items={data.items} />
        </>
      )}
    </QueryState>
  );
}
