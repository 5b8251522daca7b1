import { sql } from 'drizzle-orm';
import {
  chainOccupations,
  chains,
  clusters,
  grades,
  indicators,
  occupationGroups,
  occupationSkills,
  occupations,
  regions,
  skills,
  type DbClient,
} from '@talentmap/db';
import type { ReferenceData } from './reference.js';

const inChunks = async <T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
};

/** Writes the reference data in one transaction: either all of it lands or none. */
export async function loadReference(client: DbClient, ref: ReferenceData): Promise<void> {
  await client.db.transaction(async (tx) => {
    const byLevel = (level: string) => ref.regions.filter((r) => r.properties.level === level);
    for (const level of ['province', 'city', 'district']) {
      await inChunks(byLevel(level), 50, (chunk) =>
        tx.insert(regions).values(
          chunk.map((r) => ({
            code: r.properties.code,
            name: r.properties.name,
            level: r.properties.level,
            parentCode: r.properties.parentCode,
            boundary: r.geometry,
            centroidLng: r.properties.centroid[0],
            centroidLat: r.properties.centroid[1],
          })),
        ),
      );
    }
    await tx.insert(clusters).values(ref.clusters.map(({ code, name, shortName, description, cities }) => ({ code, name, shortName, description, cities })));
    await tx.insert(chains).values(ref.chains.map((c) => ({ ...c, leadEnterprise: c.leadEnterprise ?? null })));
    await tx.insert(grades).values(ref.grades);
    await tx.insert(indicators).values(ref.indicators);

    const inserted = await tx
      .insert(skills)
      .values(ref.skills.map(({ name, aliases, category }) => ({ name, aliases, category })))
      .returning({ id: skills.id, name: skills.name });
    const skillId = new Map(inserted.map((s) => [s.name, s.id]));
    for (const s of ref.skills) {
      if (s.parent === null) continue;
      await tx
        .update(skills)
        .set({ parentId: skillId.get(s.parent) })
        .where(sql`${skills.id} = ${skillId.get(s.name)}`);
    }

    await inChunks(ref.occupationGroups, 500, (chunk) => tx.insert(occupationGroups).values(chunk));
    await inChunks(ref.occupations, 300, (chunk) =>
      tx.insert(occupations).values(
        chunk.map((o) => ({
          code: o.code,
          name: o.name,
          aliases: o.aliases,
          legacyCodes: o.legacyCodes,
          majorGroup: Number(o.code[0]),
          marks: o.marks,
          digital: o.digital,
          catalogVersion: o.catalogVersion,
          description: o.definition,
          workTypes: o.workTypes,
          profileSource: o.profileSource,
        })),
      ),
    );
    await inChunks(
      ref.occupations.flatMap((o) => o.skills.map((s) => ({ occupationCode: o.code, skillId: skillId.get(s.skill) as number, weight: s.weight }))),
      500,
      (chunk) => tx.insert(occupationSkills).values(chunk),
    );
    await inChunks(ref.chainOccupations, 500, (chunk) => tx.insert(chainOccupations).values(chunk));
  });
}
