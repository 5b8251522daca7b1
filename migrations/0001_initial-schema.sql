CREATE TABLE "chain_occupations" (
	"chain_code" text NOT NULL,
	"occupation_code" text NOT NULL,
	"weight" real NOT NULL,
	CONSTRAINT "chain_occupations_chain_code_occupation_code_pk" PRIMARY KEY("chain_code","occupation_code"),
	CONSTRAINT "chain_occupations_weight" CHECK ("chain_occupations"."weight" > 0 and "chain_occupations"."weight" <= 1)
);
--> statement-breakpoint
CREATE TABLE "chains" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"tiers" text[] NOT NULL,
	"cluster_code" text NOT NULL,
	"curated" boolean NOT NULL,
	"cities" text[] NOT NULL,
	"lead_enterprise" text,
	CONSTRAINT "chains_name_unique" UNIQUE("name"),
	CONSTRAINT "chains_kind" CHECK ("chains"."kind" in ('key','advantage','excellence')),
	CONSTRAINT "chains_kind_in_tiers" CHECK ("chains"."kind" = any("chains"."tiers"))
);
--> statement-breakpoint
CREATE TABLE "clusters" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"description" text NOT NULL,
	"cities" text[] NOT NULL,
	CONSTRAINT "clusters_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "dataset_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_chains" (
	"enterprise_id" integer NOT NULL,
	"chain_code" text NOT NULL,
	CONSTRAINT "enterprise_chains_enterprise_id_chain_code_pk" PRIMARY KEY("enterprise_id","chain_code")
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"size" text NOT NULL,
	"chain_leader" boolean DEFAULT false NOT NULL,
	"synthetic" boolean DEFAULT true NOT NULL,
	CONSTRAINT "enterprises_size" CHECK ("enterprises"."size" in ('micro','small','medium','large')),
	CONSTRAINT "enterprises_lnglat" CHECK ("enterprises"."lng" between -180 and 180 and "enterprises"."lat" between -90 and 90)
);
--> statement-breakpoint
CREATE TABLE "grades" (
	"level" smallint PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"high_skill" boolean NOT NULL,
	"national_level" text,
	CONSTRAINT "grades_name_unique" UNIQUE("name"),
	CONSTRAINT "grades_level_range" CHECK ("grades"."level" between 1 and 8)
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"section" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"baseline_2020" numeric,
	"target_2025" numeric NOT NULL,
	"bracketed" boolean NOT NULL,
	"attribute" text NOT NULL,
	"computable" boolean NOT NULL,
	"current_value" numeric,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"region_code" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"capacity" integer NOT NULL,
	"synthetic" boolean DEFAULT true NOT NULL,
	CONSTRAINT "institutions_kind" CHECK ("institutions"."kind" in ('technical_school','training_body','training_base','master_studio')),
	CONSTRAINT "institutions_capacity" CHECK ("institutions"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "job_seekers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"talent_id" bigint,
	"region_code" text NOT NULL,
	"occupation_code" text NOT NULL,
	"grade" smallint NOT NULL,
	"registered_on" date NOT NULL,
	"closed_on" date,
	"synthetic" boolean DEFAULT true NOT NULL,
	CONSTRAINT "job_seekers_dates" CHECK ("job_seekers"."closed_on" is null or "job_seekers"."closed_on" >= "job_seekers"."registered_on")
);
--> statement-breakpoint
CREATE TABLE "occupation_skills" (
	"occupation_code" text NOT NULL,
	"skill_id" integer NOT NULL,
	"weight" real NOT NULL,
	CONSTRAINT "occupation_skills_occupation_code_skill_id_pk" PRIMARY KEY("occupation_code","skill_id"),
	CONSTRAINT "occupation_skills_weight" CHECK ("occupation_skills"."weight" > 0 and "occupation_skills"."weight" <= 1)
);
--> statement-breakpoint
CREATE TABLE "occupations" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"aliases" text[] DEFAULT '{}' NOT NULL,
	"major_group" smallint NOT NULL,
	"digital" boolean NOT NULL,
	"code_status" text NOT NULL,
	"description" text NOT NULL,
	"embedding" vector(128),
	CONSTRAINT "occupations_name_unique" UNIQUE("name"),
	CONSTRAINT "occupations_code_format" CHECK ("occupations"."code" ~ '^[0-9]-[0-9]{2}-[0-9]{2}-[0-9]{2}$'),
	CONSTRAINT "occupations_major_group" CHECK ("occupations"."major_group" between 1 and 8)
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" serial PRIMARY KEY NOT NULL,
	"institution_id" integer NOT NULL,
	"name" text NOT NULL,
	"occupation_codes" text[] NOT NULL,
	"skills" jsonb NOT NULL,
	"grade" smallint NOT NULL,
	"hours" integer NOT NULL,
	"capacity" integer NOT NULL,
	"subsidy_eligible" boolean NOT NULL,
	"mode" text NOT NULL,
	"synthetic" boolean DEFAULT true NOT NULL,
	"embedding" vector(128),
	CONSTRAINT "programs_hours" CHECK ("programs"."hours" > 0),
	CONSTRAINT "programs_capacity" CHECK ("programs"."capacity" > 0),
	CONSTRAINT "programs_mode" CHECK ("programs"."mode" in ('online','offline','blended')),
	CONSTRAINT "programs_targets" CHECK (cardinality("programs"."occupation_codes") > 0)
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"boundary" jsonb NOT NULL,
	"centroid_lng" double precision NOT NULL,
	"centroid_lat" double precision NOT NULL,
	CONSTRAINT "regions_code_format" CHECK ("regions"."code" ~ '^[0-9]{6}$'),
	CONSTRAINT "regions_level" CHECK ("regions"."level" in ('province','city','district')),
	CONSTRAINT "regions_parent_present" CHECK (("regions"."level" = 'province') = ("regions"."parent_code" is null))
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"aliases" text[] DEFAULT '{}' NOT NULL,
	"category" text NOT NULL,
	"parent_id" integer,
	CONSTRAINT "skills_name_unique" UNIQUE("name"),
	CONSTRAINT "skills_not_own_parent" CHECK ("skills"."parent_id" is distinct from "skills"."id")
);
--> statement-breakpoint
CREATE TABLE "talent_identities" (
	"talent_id" bigint PRIMARY KEY NOT NULL,
	"full_name" text NOT NULL,
	"phone" text NOT NULL,
	"id_number" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_truths" (
	"talent_id" bigint PRIMARY KEY NOT NULL,
	"occupation_code" text NOT NULL,
	"grade" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pseudonym" text NOT NULL,
	"region_code" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"occupation_code" text,
	"grade" smallint NOT NULL,
	"certificates" text[] DEFAULT '{}' NOT NULL,
	"skills" jsonb NOT NULL,
	"years_experience" smallint NOT NULL,
	"employment_status" text NOT NULL,
	"open_to_offers" boolean NOT NULL,
	"willing_radius_km" smallint NOT NULL,
	"synthetic" boolean DEFAULT true NOT NULL,
	"embedding" vector(128),
	CONSTRAINT "talents_pseudonym_unique" UNIQUE("pseudonym"),
	CONSTRAINT "talents_years" CHECK ("talents"."years_experience" between 0 and 60),
	CONSTRAINT "talents_radius" CHECK ("talents"."willing_radius_km" between 1 and 1000),
	CONSTRAINT "talents_status" CHECK ("talents"."employment_status" in ('employed','unemployed','student'))
);
--> statement-breakpoint
CREATE TABLE "vacancies" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"occupation_code" text NOT NULL,
	"grade" smallint NOT NULL,
	"headcount" integer NOT NULL,
	"title" text NOT NULL,
	"skills" jsonb NOT NULL,
	"posted_on" date NOT NULL,
	"filled_on" date,
	"wage_min" integer NOT NULL,
	"wage_max" integer NOT NULL,
	"synthetic" boolean DEFAULT true NOT NULL,
	"embedding" vector(128),
	CONSTRAINT "vacancies_headcount" CHECK ("vacancies"."headcount" > 0),
	CONSTRAINT "vacancies_dates" CHECK ("vacancies"."filled_on" is null or "vacancies"."filled_on" >= "vacancies"."posted_on"),
	CONSTRAINT "vacancies_wage" CHECK ("vacancies"."wage_min" > 0 and "vacancies"."wage_max" >= "vacancies"."wage_min")
);
--> statement-breakpoint
ALTER TABLE "chain_occupations" ADD CONSTRAINT "chain_occupations_chain_code_chains_code_fk" FOREIGN KEY ("chain_code") REFERENCES "public"."chains"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_occupations" ADD CONSTRAINT "chain_occupations_occupation_code_occupations_code_fk" FOREIGN KEY ("occupation_code") REFERENCES "public"."occupations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chains" ADD CONSTRAINT "chains_cluster_code_clusters_code_fk" FOREIGN KEY ("cluster_code") REFERENCES "public"."clusters"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_chains" ADD CONSTRAINT "enterprise_chains_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_chains" ADD CONSTRAINT "enterprise_chains_chain_code_chains_code_fk" FOREIGN KEY ("chain_code") REFERENCES "public"."chains"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_seekers" ADD CONSTRAINT "job_seekers_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_seekers" ADD CONSTRAINT "job_seekers_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_seekers" ADD CONSTRAINT "job_seekers_occupation_code_occupations_code_fk" FOREIGN KEY ("occupation_code") REFERENCES "public"."occupations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_seekers" ADD CONSTRAINT "job_seekers_grade_grades_level_fk" FOREIGN KEY ("grade") REFERENCES "public"."grades"("level") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_skills" ADD CONSTRAINT "occupation_skills_occupation_code_occupations_code_fk" FOREIGN KEY ("occupation_code") REFERENCES "public"."occupations"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_skills" ADD CONSTRAINT "occupation_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_grade_grades_level_fk" FOREIGN KEY ("grade") REFERENCES "public"."grades"("level") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_code_regions_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skills" ADD CONSTRAINT "skills_parent_id_skills_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_identities" ADD CONSTRAINT "talent_identities_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_truths" ADD CONSTRAINT "talent_truths_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_truths" ADD CONSTRAINT "talent_truths_occupation_code_occupations_code_fk" FOREIGN KEY ("occupation_code") REFERENCES "public"."occupations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_truths" ADD CONSTRAINT "talent_truths_grade_grades_level_fk" FOREIGN KEY ("grade") REFERENCES "public"."grades"("level") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_occupation_code_occupations_code_fk" FOREIGN KEY ("occupation_code") REFERENCES "public"."occupations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_grade_grades_level_fk" FOREIGN KEY ("grade") REFERENCES "public"."grades"("level") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_occupation_code_occupations_code_fk" FOREIGN KEY ("occupation_code") REFERENCES "public"."occupations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_grade_grades_level_fk" FOREIGN KEY ("grade") REFERENCES "public"."grades"("level") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chain_occupations_occupation_idx" ON "chain_occupations" USING btree ("occupation_code");--> statement-breakpoint
CREATE INDEX "enterprise_chains_chain_idx" ON "enterprise_chains" USING btree ("chain_code");--> statement-breakpoint
CREATE INDEX "enterprises_region_idx" ON "enterprises" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "institutions_region_idx" ON "institutions" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "job_seekers_region_occupation_idx" ON "job_seekers" USING btree ("region_code","occupation_code");--> statement-breakpoint
CREATE INDEX "job_seekers_registered_idx" ON "job_seekers" USING btree ("registered_on");--> statement-breakpoint
CREATE INDEX "occupations_embedding_hnsw" ON "occupations" USING hnsw ("embedding" vector_cosine_ops);--> statement-breakpoint
CREATE INDEX "programs_institution_idx" ON "programs" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "programs_embedding_hnsw" ON "programs" USING hnsw ("embedding" vector_cosine_ops);--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "talents_region_idx" ON "talents" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "talents_occupation_grade_idx" ON "talents" USING btree ("occupation_code","grade");--> statement-breakpoint
CREATE INDEX "talents_embedding_hnsw" ON "talents" USING hnsw ("embedding" vector_cosine_ops);--> statement-breakpoint
CREATE INDEX "vacancies_region_occupation_idx" ON "vacancies" USING btree ("region_code","occupation_code");--> statement-breakpoint
CREATE INDEX "vacancies_occupation_idx" ON "vacancies" USING btree ("occupation_code");--> statement-breakpoint
CREATE INDEX "vacancies_posted_idx" ON "vacancies" USING btree ("posted_on");--> statement-breakpoint
CREATE INDEX "vacancies_embedding_hnsw" ON "vacancies" USING hnsw ("embedding" vector_cosine_ops);