CREATE TABLE "occupation_groups" (
	"code" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "occupation_groups_code_format" CHECK ("occupation_groups"."code" ~ '^[0-9](-[0-9]{2}){0,2}$')
);
--> statement-breakpoint
ALTER TABLE "occupations" ADD COLUMN "legacy_codes" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "occupations" ADD COLUMN "middle_group" text GENERATED ALWAYS AS (substr(code, 1, 4)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "occupations" ADD COLUMN "minor_group" text GENERATED ALWAYS AS (substr(code, 1, 7)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "occupations" ADD COLUMN "marks" text;--> statement-breakpoint
ALTER TABLE "occupations" ADD COLUMN "catalog_version" text DEFAULT '2022' NOT NULL;--> statement-breakpoint
ALTER TABLE "occupations" ADD COLUMN "work_types" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "occupations" ADD COLUMN "profile_source" text;--> statement-breakpoint
CREATE INDEX "occupations_minor_group_idx" ON "occupations" USING btree ("minor_group");--> statement-breakpoint
ALTER TABLE "occupations" DROP COLUMN "code_status";