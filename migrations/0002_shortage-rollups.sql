CREATE TABLE "shortage_group_vacancies" (
	"period" text NOT NULL,
	"group_code" text NOT NULL,
	"level" text NOT NULL,
	"region_code" text NOT NULL,
	"occupation_code" text NOT NULL,
	"grade" smallint NOT NULL,
	"vacancies" integer NOT NULL,
	CONSTRAINT "shortage_group_vacancies_period_group_code_level_grade_region_code_occupation_code_pk" PRIMARY KEY("period","group_code","level","grade","region_code","occupation_code")
);
--> statement-breakpoint
CREATE TABLE "shortage_slices" (
	"period" text NOT NULL,
	"level" text NOT NULL,
	"region_code" text NOT NULL,
	"occupation_code" text NOT NULL,
	"grade" smallint NOT NULL,
	"vacancies" integer NOT NULL,
	"postings" integer NOT NULL,
	"seekers" integer NOT NULL,
	"ratio" double precision NOT NULL,
	"median_days" real,
	"median_reached" boolean,
	"reference_median_days" real,
	"demand_growth" double precision,
	"wage_mean" double precision,
	"wage_growth" double precision,
	"talents" integer NOT NULL,
	"talents_per_10k" double precision,
	"training_capacity" integer NOT NULL,
	"pipeline_coverage" double precision,
	"points_ratio" smallint,
	"points_duration" smallint,
	"points_demand_growth" smallint,
	"points_wage_growth" smallint,
	"points_pipeline" smallint,
	"score" double precision,
	"status" text NOT NULL,
	CONSTRAINT "shortage_slices_period_region_code_occupation_code_grade_pk" PRIMARY KEY("period","region_code","occupation_code","grade")
);
--> statement-breakpoint
CREATE INDEX "shortage_slices_level_idx" ON "shortage_slices" USING btree ("period","level","grade");