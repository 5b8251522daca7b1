CREATE TABLE "import_issues" (
	"job_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"row" integer NOT NULL,
	"column" text NOT NULL,
	"value" text NOT NULL,
	"severity" text NOT NULL,
	"message" text NOT NULL,
	CONSTRAINT "import_issues_job_id_seq_pk" PRIMARY KEY("job_id","seq")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"mode" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"phase" text DEFAULT 'queued' NOT NULL,
	"file_name" text NOT NULL,
	"file_path" text NOT NULL,
	"file_bytes" bigint NOT NULL,
	"account_id" integer,
	"username" text NOT NULL,
	"enterprise_id" integer,
	"institution_id" integer,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_valid" integer DEFAULT 0 NOT NULL,
	"rows_rejected" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"warnings" integer DEFAULT 0 NOT NULL,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	CONSTRAINT "import_jobs_status" CHECK ("import_jobs"."status" in ('queued','running','committed','failed','interrupted'))
);
--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "job_seekers" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "talent_identities" ADD COLUMN "digest" text;--> statement-breakpoint
ALTER TABLE "talents" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "import_issues" ADD CONSTRAINT "import_issues_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_jobs_status_idx" ON "import_jobs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "import_jobs_created_idx" ON "import_jobs" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_external_id_key" UNIQUE("external_id");--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_external_id_key" UNIQUE("external_id");--> statement-breakpoint
ALTER TABLE "job_seekers" ADD CONSTRAINT "job_seekers_external_id_key" UNIQUE("external_id");--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_external_id_key" UNIQUE("institution_id","external_id");--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_external_id_key" UNIQUE("external_id");--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_external_id_key" UNIQUE("enterprise_id","external_id");--> statement-breakpoint
-- Synthetic records get the external ids the demo generator now writes (seed/src/demo/external-id.ts), so imports can refer to them.
UPDATE "enterprises" SET "external_id" = 'SYN-E' || lpad("id"::text, 6, '0') WHERE "synthetic" AND "external_id" IS NULL;--> statement-breakpoint
UPDATE "institutions" SET "external_id" = 'SYN-I' || lpad("id"::text, 6, '0') WHERE "synthetic" AND "external_id" IS NULL;--> statement-breakpoint
UPDATE "programs" SET "external_id" = 'SYN-P' || lpad("id"::text, 6, '0') WHERE "synthetic" AND "external_id" IS NULL;--> statement-breakpoint
UPDATE "vacancies" SET "external_id" = 'SYN-V' || lpad("id"::text, 7, '0') WHERE "synthetic" AND "external_id" IS NULL;--> statement-breakpoint
UPDATE "talents" SET "external_id" = 'SYN-T' || lpad("id"::text, 7, '0') WHERE "synthetic" AND "external_id" IS NULL;
