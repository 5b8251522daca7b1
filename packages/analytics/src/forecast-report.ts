/**
 * `npx tsx packages/analytics/src/forecast-report.ts` — the forecast back-test on synthetic
 * series the model does and does not generate (forecast-scenarios.ts), printed as JSON: MAPE
 * and MASE against seasonal naive and the share of outcomes inside the 80% and 95% intervals,
 * with the calibrated inflation and without it, on the evaluation seed; and the calibration
 * of the inflation on its own seed.
 */
import { INTERVAL_INFLATION } from './forecast.js';
import {
  calibrateInflation,
  CALIBRATION_SEED,
  EVALUATION_SEED,
  INFLATION_CANDIDATES,
  scenarioSet,
  summariseBacktests,
  type Scenario,
  type ScenarioSummary,
} from './forecast-scenarios.js';

const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
const rounded = (s: ScenarioSummary) => ({
  series: s.series,
  forecasts: s.forecasts,
  model: { mape: round(s.model.mape), mase: round(s.model.mase) },
  seasonalNaive: { mape: round(s.seasonalNaive.mape), mase: round(s.seasonalNaive.mase) },
  coverage80: round(s.coverage80),
  coverage95: round(s.coverage95),
});
const coverage = (list: Scenario[], inflation: number) => {
  const s = summariseBacktests(list, 4, inflation);
  return { coverage80: round(s.coverage80), coverage95: round(s.coverage95) };
};

const evaluation = scenarioSet(EVALUATION_SEED);
const kinds = [...new Set(evaluation.outOfModel.map((s) => s.kind))];
console.log(
  JSON.stringify(
    {
      inflation: INTERVAL_INFLATION,
      calibration: {
        seed: CALIBRATION_SEED,
        candidates: INFLATION_CANDIDATES,
        chosen: calibrateInflation(scenarioSet(CALIBRATION_SEED), INFLATION_CANDIDATES),
      },
      evaluation: {
        seed: EVALUATION_SEED,
        inModel: rounded(summariseBacktests(evaluation.inModel)),
        outOfModel: rounded(summariseBacktests(evaluation.outOfModel)),
        outOfModelByKind: Object.fromEntries(kinds.map((kind) => [kind, rounded(summariseBacktests(evaluation.outOfModel.filter((s) => s.kind === kind)))])),
        withoutInflation: { inModel: coverage(evaluation.inModel, 1), outOfModel: coverage(evaluation.outOfModel, 1) },
      },
    },
    null,
    2,
  ),
);
