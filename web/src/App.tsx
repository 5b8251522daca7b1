import { useQuery } from '@tanstack/react-query';
import { AppHeader } from './components/app-header';
import { DatasetBanner } from './components/dataset-banner';
import { MapStatus } from './components/map-status';
import { RegionMap } from './components/region-map';
import { fetchCities, fetchHealth } from './lib/api';

export function App() {
  const health = useQuery({ queryKey: ['health'], queryFn: ({ signal }) => fetchHealth(signal), staleTime: 60_000 });
  const cities = useQuery({
    queryKey: ['regions', 'city'],
    queryFn: ({ signal }) => fetchCities(signal),
    // Boundaries do not change while the page is open.
    staleTime: Infinity,
  });

  return (
    <div className="app">
      <AppHeader health={health.data} healthError={health.isError} />
      <DatasetBanner health={health.data} />
      <main className="map-area">
        <RegionMap regions={cities.data} />
        {cities.isPending && <MapStatus kind="loading" />}
        {cities.isError && (
          <MapStatus
            kind="error"
            message={cities.error instanceof Error ? cities.error.message : '未知错误'}
            onRetry={() => void cities.refetch()}
            retrying={cities.isFetching}
          />
        )}
      </main>
    </div>
  );
}
