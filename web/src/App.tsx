import { AppLayout } from './components/app-layout';
import { AuthProvider } from './components/auth/auth-provider';
import { EnterprisePanel } from './components/enterprise/enterprise-panel';
import { useEnterpriseJourney } from './components/enterprise/use-enterprise-journey';
import { useQuarters } from './components/filters/use-quarters';
import { InstitutionPanel } from './components/institution/institution-panel';
import { useInstitutionJourney } from './components/institution/use-institution-journey';
import { AppMap } from './components/map/app-map';
import { PlannerPanel } from './components/planner/planner-panel';
import { usePlannerJourney } from './components/planner/use-planner-journey';
import { useRegions } from './lib/use-regions';
import { useUrlState } from './lib/use-url-state';

/**
 * Three journeys (规划者, 企业, 院校) on one map; everything a person chooses lives in the URL.
 * The public parts work for anyone; candidates and 吻合度 ask for an account (AuthProvider).
 */
export function App() {
  const [state, update] = useUrlState();
  const regions = useRegions(state);
  const { quarters, latestQuarter } = useQuarters();
  // Hooks are unconditional: all three run, the candidates and the institution fit fetch only in
  // their own journey and only for an account that may see them.
  const planner = usePlannerJourney(state);
  const enterprise = useEnterpriseJourney(state, update, regions.districts);
  const institution = useInstitutionJourney(state, update);
  const journey = { planner, enterprise: enterprise.map, institution }[state.journey];
  const { regionName } = regions;

  const panel =
    state.journey === 'planner' ? (
      <PlannerPanel
        state={state}
        update={update}
        regionName={regionName}
        latestQuarter={latestQuarter}
        cities={regions.cityOptions}
        districts={regions.districtOptions}
      />
    ) : state.journey === 'enterprise' ? (
      <EnterprisePanel
        state={state}
        update={update}
        districts={regions.districts}
        pickMode={enterprise.pickMode}
        onPickMode={enterprise.setPickMode}
        regionName={regionName}
      />
    ) : (
      <InstitutionPanel state={state} update={update} regionName={regionName} />
    );

  return (
    <AuthProvider state={state} update={update}>
      <AppLayout state={state} update={update} quarters={quarters} latestQuarter={latestQuarter} regionName={regionName} panel={panel}>
        <AppMap
          state={state}
          update={update}
          regions={regions}
          journey={journey}
          busy={planner.busy || enterprise.map.busy || institution.busy}
          pickMode={enterprise.pickMode}
          onPick={enterprise.onPick}
        />
      </AppLayout>
    </AuthProvider>
  );
}
