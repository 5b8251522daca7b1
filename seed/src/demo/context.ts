import type { ReferenceData } from '../reference.js';
import { type Rng, WeightedPicker } from '@talentmap/core';
import { buildGeography, type Geography } from './geography.js';

export interface OccupationProfile {
  code: string;
  name: string;
  majorGroup: number;
  digital: boolean;
  skills: { skillId: number; weight: number }[];
}

/** Everything the row generators need, derived once from the reference data. */
export interface DemoContext {
  geo: Geography;
  occupations: OccupationProfile[];
  occupationByCode: Map<string, OccupationProfile>;
  /** Per city: which occupations its workforce holds, from the chains concentrated there. */
  occupationPickerByCity: Map<string, WeightedPicker<OccupationProfile>>;
  /** Per chain: its occupations weighted by the chain → occupation matrix. */
  occupationPickerByChain: Map<string, WeightedPicker<OccupationProfile>>;
  chains: ReferenceData['chains'];
  chainsByCity: Map<string, string[]>;
  gradeNames: string[];
  skillIds: number[];
  /** Shortage propensity per occupation (0.7–1.8): some trades are harder to fill than others. */
  difficulty: Map<string, number>;
}

export function buildContext(ref: ReferenceData, skillIdByName: Map<string, number>, rng: Rng): DemoContext {
  const geo = buildGeography(ref.regions, rng.fork('geography'));
  // The synthetic workforce holds the occupations the project curated (those of the chain matrix
  // and the services around them); the rest of the catalogue is there to be coded to.
  const occupations: OccupationProfile[] = ref.occupations
    .filter((o) => o.profileSource === 'curated')
    .map((o) => ({
      code: o.code,
      name: o.name,
      majorGroup: Number(o.code[0]),
      digital: o.digital,
      skills: o.skills.map((s) => ({ skillId: skillIdByName.get(s.skill) as number, weight: s.weight })),
    }));
  const occupationByCode = new Map(occupations.map((o) => [o.code, o]));

  const chainsByCity = new Map<string, string[]>();
  for (const c of ref.chains) for (const city of c.cities) chainsByCity.set(city, [...(chainsByCity.get(city) ?? []), c.code]);

  const occupationPickerByChain = new Map<string, WeightedPicker<OccupationProfile>>();
  for (const chain of ref.chains) {
    const rows = ref.chainOccupations.filter((co) => co.chainCode === chain.code);
    if (rows.length === 0) continue;
    occupationPickerByChain.set(
      chain.code,
      new WeightedPicker(
        rows.map((r) => occupationByCode.get(r.occupationCode) as OccupationProfile),
        rows.map((r) => r.weight),
      ),
    );
  }

  // A city's workforce: chain occupations weighted up where the chain is concentrated,
  // plus a floor for every occupation (services, construction and the rest exist everywhere).
  const occupationPickerByCity = new Map<string, WeightedPicker<OccupationProfile>>();
  for (const city of geo.cityCodes) {
    const weight = new Map(occupations.map((o) => [o.code, 0.4]));
    for (const co of ref.chainOccupations) {
      const local = ref.chains.find((c) => c.code === co.chainCode)?.cities.includes(city);
      weight.set(co.occupationCode, (weight.get(co.occupationCode) ?? 0) + co.weight * (local ? 3 : 0.5));
    }
    occupationPickerByCity.set(
      city,
      new WeightedPicker(
        occupations,
        occupations.map((o) => weight.get(o.code) ?? 0.4),
      ),
    );
  }

  const difficultyRng = rng.fork('difficulty');
  const difficulty = new Map(occupations.map((o) => [o.code, 0.7 + difficultyRng.next() * (o.digital ? 1.3 : 1.1)]));

  return {
    geo,
    occupations,
    occupationByCode,
    occupationPickerByCity,
    occupationPickerByChain,
    chains: ref.chains,
    chainsByCity,
    gradeNames: [...ref.grades].sort((a, b) => a.level - b.level).map((g) => g.name),
    skillIds: [...skillIdByName.values()],
    difficulty,
  };
}
