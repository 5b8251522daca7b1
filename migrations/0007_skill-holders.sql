-- The ids of the skills a talent holds, from its skills jsonb ([{ "skillId", "level" }]): immutable,
-- so an expression index can keep it. Candidate search asks which talents hold any of a few skills.
CREATE FUNCTION talent_skill_ids(skills jsonb) RETURNS integer[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN array(SELECT (e ->> 'skillId')::integer FROM jsonb_array_elements(skills) AS e);
--> statement-breakpoint
CREATE INDEX "talents_skill_ids_idx" ON "talents" USING gin (talent_skill_ids("skills"));
