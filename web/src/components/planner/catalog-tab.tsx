import { queryOptions, useQuery } from '@tanstack/react-query';
import { can } from '../../lib/access';
import { api, catalogDownloadUrl } from '../../lib/api';
import type { AppState } from '../../lib/url-state';
import type { UpdateState } from '../../lib/use-url-state';
import { useSession } from '../auth/use-session';
import { QueryState } from '../common/query-state';
import { CatalogPublications } from './catalog-publications';
import { CatalogPublish } from './catalog-publish';
import { CatalogTable } from './catalog-table';

/** What the catalogue covers: the selected region and the chain (or cluster) and grade filters. */
const catalogScope = (state: AppState) => ({ region: state.region, chain: state.chain, cluster: state.chain ? null : state.cluster, grade: state.grade });

/** The 紧缺职业目录 of the selection; the overview's top occupations come from the same answer. */
export const catalogQuery = (state: AppState) => {
  const scope = catalogScope(state);
  return queryOptions({ queryKey: ['catalog', scope], queryFn: ({ signal }) => api.catalog({ ...scope, limit: 200 }, signal), staleTime: 5 * 60_000 });
};

/**
 * The catalogue table with its CSV and XLSX downloads; choosing an occupation shows it in the
 * overview. A planner on its region's live catalogue may publish it; everyone sees the publications.
 */
export function CatalogTab({ state, update }: { state: AppState; update: UpdateState }) {
  const catalog = useQuery(catalogQuery(state));
  const scope = catalogScope(state);
  const { viewer } = useSession();
  return (
    <QueryState query={catalog} what="紧缺职业目录">
      {(data) => (
        <>
          {can(viewer, 'publishCatalog') && data.publication === null && <CatalogPublish key={data.region.code} catalog={data} />}
          <CatalogTable
            catalog={data}
            csvUrl={catalogDownloadUrl('csv', scope)}
            xlsxUrl={catalogDownloadUrl('xlsx', scope)}
            onSelectOccupation={(code) => update({ occupation: code, tab: 'overview' })}
          />
          <CatalogPublications region={data.region.code} />
        </>
      )}
    </QueryState>
  );
}
