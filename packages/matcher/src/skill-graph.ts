/** What the matcher learns from: the skill taxonomy and the occupations' skill profiles. */
export interface SkillNode {
  id: number;
  name: string;
  aliases: string[];
  category: string;
  parentId: number | null;
}

export interface WeightedSkill {
  skillId: number;
  weight: number;
}

export interface OccupationProfile {
  code: string;
  name: string;
  aliases: string[];
  skills: WeightedSkill[];
  /** The 2022 definition and 工种, read by the classifier's lexical part (absent: name only). */
  definition?: string;
}

export interface SkillGraph {
  skills: SkillNode[];
  occupations: OccupationProfile[];
}
