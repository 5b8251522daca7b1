import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, catalogDownloadUrl } from '../../lib/api';
import type { AppState } from '../../lib/url-state';
import type { UpdateState } from '../../lib/use-url-state';
import { QueryState } from '../common/query-state';
import { CatalogTable } from './catalog-table';

/** What the catalogue covers: the selected region and the chain (or cluster) and grade filters. */
const catalogScope = (state: AppState) => ({ region: state.region, chain: state.chain, cluster: state.chain ? null : state.cluster, grade: state.grade });

/** The 紧缺职业目录 of the selection; the overview's top occupations come from the same answer. */
export const catalogQuery = (state: AppState) => {
  const scope = catalogScope(state);
  return queryOptions({ queryKey: ['catalog', scope], queryFn: ({ signal }) => api.catalog({ ...scope, limit: 200 }, signal), staleTime: 5 * 60_000 });
};

/** The catalogue table with its CSV and XLSX downloads; choosing an occupation shows it in the overview. */
export function CatalogTab({ state, update }: { state: AppState; update: UpdateState }) {
  const catalog = useQuery(catalogQuery(state));
  const scope = catalogScope(state);
  return (
    <QueryState query={catalog} what="紧缺职业目录">
      {(data) => (
        <CatalogTable
          catalog={data}
          csvUrl={catalogDownloadUrl('csv', scope)}
          xlsxUrl={catalogDownloadUrl('xlsx', scope)}
          onSelectOccupation={(code) => update({ occupation: code, tab: 'overview' })}
        />
      )}
    </QueryState>
  );
}
