CREATE TYPE "public"."document_type" AS ENUM('model_introduction', 'regulation_approval', 'pairs_assignment', 'personalised_programme', 'roadmap', 'curator_appointment', 'other');--> statement-breakpoint
CREATE TYPE "public"."format" AS ENUM('pupil_pupil', 'student_student', 'teacher_teacher', 'student_pupil', 'employer_pupil', 'employer_student', 'teacher_pupil');--> statement-breakpoint
CREATE TYPE "public"."municipality_kind" AS ENUM('city_district', 'municipal_district');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('school', 'college', 'additional', 'kindergarten');--> statement-breakpoint
CREATE TYPE "public"."person_category" AS ENUM('pupil', 'college_student', 'teacher', 'employer_rep', 'parent', 'graduate', 'retired_teacher', 'other');--> statement-breakpoint
CREATE TYPE "public"."report_mode" AS ENUM('register', 'manual');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('draft', 'submitted', 'returned', 'approved');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('curator', 'coordinator', 'ministry', 'admin');--> statement-breakpoint
CREATE TYPE "public"."programme_stage" AS ENUM('preparatory', 'design', 'implementation', 'reflective', 'resultative');--> statement-breakpoint
CREATE TABLE "municipalities" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" "municipality_kind" DEFAULT 'municipal_district' NOT NULL,
	"slug" text NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipalities_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"full_name" text NOT NULL,
	"short_name" text NOT NULL,
	"kind" "organisation_kind" DEFAULT 'school' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"director_name" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"slug" text NOT NULL,
	"joined_year" integer,
	"obliged" boolean DEFAULT true NOT NULL,
	"learners10to18" integer DEFAULT 0 NOT NULL,
	"teaching_staff" integer DEFAULT 0 NOT NULL,
	"young_teachers" integer DEFAULT 0 NOT NULL,
	"curator_name" text DEFAULT '' NOT NULL,
	"curator_contact" text DEFAULT '' NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"organisation_id" integer,
	"municipality_id" integer,
	"region_id" integer,
	"password_hash" text,
	"active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "mentee_profiles" (
	"person_id" integer PRIMARY KEY NOT NULL,
	"request" text DEFAULT '' NOT NULL,
	"need_category" text DEFAULT '' NOT NULL,
	"consent_date" date,
	"has_individual_route" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentor_profiles" (
	"person_id" integer PRIMARY KEY NOT NULL,
	"competencies" text DEFAULT '' NOT NULL,
	"achievements" text DEFAULT '' NOT NULL,
	"interests" text DEFAULT '' NOT NULL,
	"preferred_mentee_age" text DEFAULT '' NOT NULL,
	"time_available" text DEFAULT '' NOT NULL,
	"consent_date" date,
	"publish_name" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentorships" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"mentor_id" integer NOT NULL,
	"mentee_id" integer NOT NULL,
	"entry_date" date NOT NULL,
	"end_date" date,
	"result" text DEFAULT '' NOT NULL,
	"mentor_review_url" text DEFAULT '' NOT NULL,
	"mentee_review_url" text DEFAULT '' NOT NULL,
	"completed" boolean DEFAULT false NOT NULL,
	"order_number" text DEFAULT '' NOT NULL,
	"order_date" date,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"surname" text NOT NULL,
	"name" text NOT NULL,
	"patronymic" text DEFAULT '' NOT NULL,
	"birth_year" integer,
	"category" "person_category" NOT NULL,
	"grade" text DEFAULT '' NOT NULL,
	"workplace" text DEFAULT '' NOT NULL,
	"position" text DEFAULT '' NOT NULL,
	"teaching_since" integer,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"title" text NOT NULL,
	"format" "format" NOT NULL,
	"role_model" text DEFAULT '' NOT NULL,
	"modes" text[] DEFAULT '{}' NOT NULL,
	"goal" text DEFAULT '' NOT NULL,
	"expected_results" text DEFAULT '' NOT NULL,
	"achieved_results" text DEFAULT '' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"stage" "programme_stage" DEFAULT 'preparatory' NOT NULL,
	"best_practice" boolean DEFAULT false NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"type" "document_type" NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"date" date,
	"title" text NOT NULL,
	"file_id" integer,
	"in_force" boolean DEFAULT true NOT NULL,
	"public" boolean DEFAULT true NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"date" date NOT NULL,
	"title" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"public" boolean DEFAULT true NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"organisation_id" integer,
	"municipality_id" integer,
	"changes" jsonb
);
--> statement-breakpoint
CREATE TABLE "periods" (
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"deadline" date NOT NULL,
	"open" boolean DEFAULT true NOT NULL,
	CONSTRAINT "periods_year_quarter_pk" PRIMARY KEY("year","quarter")
);
--> statement-breakpoint
CREATE TABLE "report_transitions" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"from_status" "report_status",
	"to_status" "report_status" NOT NULL,
	"user_id" integer,
	"user_role" "role",
	"comment" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"status" "report_status" DEFAULT 'draft' NOT NULL,
	"mode" "report_mode" DEFAULT 'register' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"form1" jsonb NOT NULL,
	"forms" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"documents_complete" boolean DEFAULT false NOT NULL,
	"warnings_acknowledged" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"updated_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator" text NOT NULL,
	"year" integer NOT NULL,
	"region_id" integer NOT NULL,
	"municipality_id" integer,
	"value" numeric NOT NULL
);
--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentee_profiles" ADD CONSTRAINT "mentee_profiles_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD CONSTRAINT "mentor_profiles_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_mentor_id_persons_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_mentee_id_persons_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_transitions" ADD CONSTRAINT "report_transitions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_transitions" ADD CONSTRAINT "report_transitions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "municipalities_region_id_index" ON "municipalities" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "organisations_municipality_id_index" ON "organisations" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "users_organisation_id_index" ON "users" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "users_municipality_id_index" ON "users" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "mentorships_organisation_id_index" ON "mentorships" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "mentorships_programme_id_index" ON "mentorships" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "mentorships_mentor_id_index" ON "mentorships" USING btree ("mentor_id");--> statement-breakpoint
CREATE INDEX "mentorships_mentee_id_index" ON "mentorships" USING btree ("mentee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentorships_programme_id_mentor_id_mentee_id_entry_date_index" ON "mentorships" USING btree ("programme_id","mentor_id","mentee_id","entry_date");--> statement-breakpoint
CREATE INDEX "persons_organisation_id_surname_index" ON "persons" USING btree ("organisation_id","surname");--> statement-breakpoint
CREATE INDEX "programmes_organisation_id_index" ON "programmes" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "documents_organisation_id_index" ON "documents" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "events_organisation_id_date_index" ON "events" USING btree ("organisation_id","date");--> statement-breakpoint
CREATE INDEX "audit_log_at_index" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_organisation_id_index" ON "audit_log" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "audit_log_user_id_index" ON "audit_log" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "report_transitions_report_id_index" ON "report_transitions" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_organisation_id_year_quarter_index" ON "reports" USING btree ("organisation_id","year","quarter");--> statement-breakpoint
CREATE INDEX "reports_year_quarter_status_index" ON "reports" USING btree ("year","quarter","status");--> statement-breakpoint
CREATE INDEX "targets_region_id_year_index" ON "targets" USING btree ("region_id","year");