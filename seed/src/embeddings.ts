import { sql } from 'drizzle-orm';
import { MatchRepository, pgTextArray, type DbClient } from '@talentmap/db';
import { SkillSpace, talentSkillWeights, vectorLiteral, weightedSkills, type WeightedSkill } from '@talentmap/matcher';

/** The skill space as every process builds it: from the skills and profiles in the database. */
export async function buildSkillSpace(client: DbClient): Promise<SkillSpace> {
  return SkillSpace.build(await new MatchRepository(client).skillGraph());
}

type Source = { table: 'talents' | 'vacancies' | 'programs'; weights: (skills: never) => WeightedSkill[] };
const SOURCES: Source[] = [
  { table: 'talents', weights: talentSkillWeights as Source['weights'] },
  { table: 'vacancies', weights: weightedSkills as Source['weights'] },
  { table: 'programs', weights: weightedSkills as Source['weights'] },
];

/**
 * Fills every missing embedding (occupations, and talents, vacancies and programs that
 * arrived without one, e.g. by import) in batches, keyed by id.
 */
export async function fillEmbeddings(client: DbClient, space?: SkillSpace, batchSize = 5_000): Promise<void> {
  const graph = await new MatchRepository(client).skillGraph();
  const skillSpace = space ?? SkillSpace.build(graph);
  for (const o of graph.occupations) {
    const v = skillSpace.embed(o.skills);
    if (v) await client.rows(sql`update occupations set embedding = ${vectorLiteral(v)}::vector where code = ${o.code} and embedding is null`);
  }
  for (const source of SOURCES) {
    // Keyset pagination: rows whose skills are all unknown stay null and must not be re-read.
    for (let after = 0; ;) {
      const rows = await client.rows<{ id: number; skills: never }>(
        sql`select id, skills from ${sql.identifier(source.table)} where embedding is null and id > ${after} order by id limit ${batchSize}`,
      );
      if (rows.length === 0) break;
      after = Number(rows.at(-1)?.id);
      const ids: number[] = [];
      const vectors: string[] = [];
      for (const r of rows) {
        const v = skillSpace.embed(source.weights(r.skills));
        if (!v) continue;
        ids.push(Number(r.id));
        vectors.push(vectorLiteral(v));
      }
      if (ids.length > 0)
        // Two array parameters (not one per row) keep the statement small and fast.
        await client.rows(sql`
          update ${sql.identifier(source.table)} t set embedding = v.e::vector
          from (select unnest(${`{${ids.join(',')}}`}::bigint[]) as id, unnest(${pgTextArray(vectors)}::text[]) as e) v
          where t.id = v.id`);
      if (rows.length < batchSize) break;
    }
  }
}
