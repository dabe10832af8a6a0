CREATE TYPE "public"."best_practice_level" AS ENUM('municipal', 'regional');--> statement-breakpoint
CREATE TYPE "public"."roadmap_due_precision" AS ENUM('day', 'month');--> statement-breakpoint
CREATE TYPE "public"."roadmap_status" AS ENUM('planned', 'in_progress', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."survey_role" AS ENUM('mentor', 'mentee');--> statement-breakpoint
CREATE TYPE "public"."survey_source" AS ENUM('paper', 'link');--> statement-breakpoint
CREATE TYPE "public"."survey_stage" AS ENUM('before', 'after');--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'federal';--> statement-breakpoint
CREATE TABLE "notification_mails" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"day" text NOT NULL,
	"state" text DEFAULT 'claimed' NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"email" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_user_id_kind_pk" PRIMARY KEY("user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"mail_id" integer,
	CONSTRAINT "notifications_dedupeKey_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "roadmap_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"municipality_id" integer,
	"organisation_id" integer,
	"position" integer NOT NULL,
	"is_section" boolean DEFAULT false NOT NULL,
	"title" text NOT NULL,
	"due_date" date,
	"due_precision" "roadmap_due_precision",
	"due_note" text DEFAULT '' NOT NULL,
	"responsible" text DEFAULT '' NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"status" "roadmap_status" DEFAULT 'planned' NOT NULL,
	"done_date" date,
	"document_id" integer,
	"result_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roadmap_items_one_owner" CHECK ("roadmap_items"."organisation_id" is null or "roadmap_items"."municipality_id" is null),
	CONSTRAINT "roadmap_items_due" CHECK (("roadmap_items"."due_date" is null) = ("roadmap_items"."due_precision" is null)),
	CONSTRAINT "roadmap_items_done" CHECK ("roadmap_items"."done_date" is null or "roadmap_items"."status" = 'done')
);
--> statement-breakpoint
CREATE TABLE "survey_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"organisation_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"role" "survey_role" NOT NULL,
	"stage" "survey_stage" NOT NULL,
	"questionnaire_id" integer NOT NULL,
	"sent_to" text DEFAULT 'none' NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "survey_links_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "survey_questionnaires" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"role" "survey_role" NOT NULL,
	"version" integer NOT NULL,
	"questions" jsonb NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"role" "survey_role" NOT NULL,
	"stage" "survey_stage" NOT NULL,
	"questionnaire_id" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"source" "survey_source" NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "oidc_issuer" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "oidc_subject" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "oidc_bound_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mentee_profiles" ADD COLUMN "representative_email" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD COLUMN "capacity" integer;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "best_practice_proposed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "best_practice_level" "best_practice_level";--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "best_practice_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "best_practice_by" integer;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "best_practice_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_mails" ADD CONSTRAINT "notification_mails_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_mail_id_notification_mails_id_fk" FOREIGN KEY ("mail_id") REFERENCES "public"."notification_mails"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_questionnaire_id_survey_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."survey_questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questionnaires" ADD CONSTRAINT "survey_questionnaires_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questionnaires" ADD CONSTRAINT "survey_questionnaires_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_questionnaire_id_survey_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."survey_questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_mails_user_id_day_kind_index" ON "notification_mails" USING btree ("user_id","day","kind");--> statement-breakpoint
CREATE INDEX "notifications_user_id_created_at_index" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unmailed_index" ON "notifications" USING btree ("mail_id","user_id");--> statement-breakpoint
CREATE INDEX "roadmap_items_organisation_id_position_index" ON "roadmap_items" USING btree ("organisation_id","position");--> statement-breakpoint
CREATE INDEX "roadmap_items_municipality_id_position_index" ON "roadmap_items" USING btree ("municipality_id","position");--> statement-breakpoint
CREATE INDEX "roadmap_items_region_id_due_date_index" ON "roadmap_items" USING btree ("region_id","due_date");--> statement-breakpoint
CREATE INDEX "survey_links_programme_id_person_id_index" ON "survey_links" USING btree ("programme_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_questionnaires_region_id_role_version_index" ON "survey_questionnaires" USING btree ("region_id","role","version");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_programme_id_person_id_role_stage_index" ON "survey_responses" USING btree ("programme_id","person_id","role","stage");--> statement-breakpoint
CREATE INDEX "survey_responses_organisation_id_index" ON "survey_responses" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_best_practice_by_users_id_fk" FOREIGN KEY ("best_practice_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_oidc_issuer_oidc_subject_index" ON "users" USING btree ("oidc_issuer","oidc_subject");