import type { RegionFeature } from '@talentmap/core';
import { createRegionResolver } from '@talentmap/importer';
import { talentSkillWeights, type WeightedSkill } from '@talentmap/matcher';
import type { MatchService, OccupationResolution } from '../match.service.js';
import { profileSkills } from '../owned-records.js';

type RegionResult = ReturnType<ReturnType<typeof createRegionResolver>>;

/** What reading a row needs from the reference data and the matcher: the same catalogue, regions and skill space as the API. */
export interface ImportResolvers {
  region(text: string): RegionResult;
  districtCentre(code: string): { lng: number; lat: number };
  occupation(text: string): OccupationResolution;
  skill(name: string): number | undefined;
  profile(occupationCodes: string[]): WeightedSkill[];
  chain(text: string): string | undefined;
  grades: { level: number; name: string; nationalLevel: string | null }[];
  /** The vector of required or taught skills, as the API computes it. */
  embed(skills: WeightedSkill[]): number[] | null;
  /** The vector of a talent's skills with proficiency. */
  embedTalent(skills: { skillId: number; level: number }[]): number[] | null;
  /** Today in Jiangsu (YYYY-MM-DD). */
  today: string;
  /** Every district with its city (南京市鼓楼区): the templates' list, unambiguous where names repeat. */
  districtNames: string[];
}

export interface ReferenceLists {
  regions: RegionFeature[];
  chains: { code: string; name: string }[];
  grades: { level: number; name: string; nationalLevel: string | null }[];
}

export function importResolvers(match: MatchService, ref: ReferenceLists): ImportResolvers {
  const region = createRegionResolver(
    ref.regions.map((r) => ({ code: r.properties.code, name: r.properties.name, level: r.properties.level, parentCode: r.properties.parentCode })),
  );
  const chains = new Map<string, string>();
  for (const c of ref.chains) for (const term of [c.code, c.code.toLowerCase(), c.name]) chains.set(term, c.code);
  const cityName = new Map(ref.regions.filter((r) => r.properties.level === 'city').map((r) => [r.properties.code, r.properties.name]));
  return {
    region,
    districtCentre: (code) => match.districtCentre(code),
    occupation: (text) => match.resolveOccupation(text),
    skill: (name) => match.skillIdOf(name),
    profile: (codes) => profileSkills(match, codes),
    chain: (text) => chains.get(text) ?? chains.get(text.toLowerCase()),
    grades: ref.grades,
    embed: (skills) => match.space.embed(skills),
    embedTalent: (skills) => match.space.embed(talentSkillWeights(skills)),
    today: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
    districtNames: ref.regions
      .filter((r) => r.properties.level === 'district')
      .map((r) => `${cityName.get(r.properties.parentCode ?? '') ?? ''}${r.properties.name}`),
  };
}
