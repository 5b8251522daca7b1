CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"account_id" integer,
	"username" text,
	"role" text NOT NULL,
	"action" text NOT NULL,
	"purpose" text NOT NULL,
	"pseudonyms" text[] DEFAULT '{}' NOT NULL,
	"talent_ids" bigint[] DEFAULT '{}' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_publications" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"period" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" integer,
	"entries" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"enterprise_id" integer NOT NULL,
	"account_id" integer,
	"vacancy_id" bigint,
	"talent_id" bigint NOT NULL,
	"region_code" text NOT NULL,
	"message" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"handled_by" integer,
	"handled_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "contact_requests_status" CHECK ("contact_requests"."status" in ('pending','forwarded','declined','closed'))
);
--> statement-breakpoint
ALTER TABLE "talents" DROP CONSTRAINT "talents_pseudonym_unique";--> statement-breakpoint
-- Until this migration only the synthetic generator wrote identities, in plain text; they cannot be
-- sealed in SQL (the key never reaches the database), so they go, and the sealed columns start empty.
DELETE FROM "talent_identities";--> statement-breakpoint
-- Talent points move to the centre of their 0.025° grid cell (@talentmap/geo talentCell): no finer point is kept.
UPDATE "talents" SET "lng" = round(((floor("lng" / 0.025) + 0.5) * 0.025)::numeric, 6), "lat" = round(((floor("lat" / 0.025) + 0.5) * 0.025)::numeric, 6);--> statement-breakpoint
ALTER TABLE "talent_identities" ADD COLUMN "full_name_sealed" "bytea" NOT NULL;--> statement-breakpoint
ALTER TABLE "talent_identities" ADD COLUMN "phone_sealed" "bytea" NOT NULL;--> statement-breakpoint
ALTER TABLE "talent_identities" ADD COLUMN "id_number_sealed" "bytea" NOT NULL;--> statement-breakpoint
ALTER TABLE "talent_identities" ADD COLUMN "id_number_index" text NOT NULL;--> statement-breakpoint
ALTER TABLE "talent_identities" ADD COLUMN "key_id" text NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_publications" ADD CONSTRAINT "catalog_publications_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_publications" ADD CONSTRAINT "catalog_publications_published_by_accounts_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_handled_by_accounts_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_account_at_idx" ON "audit_log" USING btree ("account_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "catalog_publications_region_year_idx" ON "catalog_publications" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "contact_requests_region_idx" ON "contact_requests" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "contact_requests_enterprise_idx" ON "contact_requests" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "talent_identities_id_number_idx" ON "talent_identities" USING btree ("id_number_index");--> statement-breakpoint
CREATE INDEX "talent_identities_key_idx" ON "talent_identities" USING btree ("key_id");--> statement-breakpoint
ALTER TABLE "talent_identities" DROP COLUMN "full_name";--> statement-breakpoint
ALTER TABLE "talent_identities" DROP COLUMN "phone";--> statement-breakpoint
ALTER TABLE "talent_identities" DROP COLUMN "id_number";--> statement-breakpoint
ALTER TABLE "talents" DROP COLUMN "pseudonym";--> statement-breakpoint
-- The audit log is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks (schema.ts: auditLog).
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
