CREATE TABLE "indicator_facts" (
	"organisation_id" integer NOT NULL,
	"year" integer NOT NULL,
	"report_id" integer NOT NULL,
	"quarter" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"covered" integer DEFAULT 0 NOT NULL,
	"implementing" integer DEFAULT 0 NOT NULL,
	"active_programmes" integer DEFAULT 0 NOT NULL,
	"learner_mentees" integer DEFAULT 0 NOT NULL,
	"learner_mentors" integer DEFAULT 0 NOT NULL,
	"teacher_mentors" integer DEFAULT 0 NOT NULL,
	"young_teacher_mentees" integer DEFAULT 0 NOT NULL,
	"young_teachers_with_route" integer DEFAULT 0 NOT NULL,
	"learners_any" integer DEFAULT 0 NOT NULL,
	"teachers_any" integer DEFAULT 0 NOT NULL,
	"learners" integer DEFAULT 0 NOT NULL,
	"staff" integer DEFAULT 0 NOT NULL,
	"young_teachers" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_facts_organisation_id_year_pk" PRIMARY KEY("organisation_id","year")
);
--> statement-breakpoint
CREATE TABLE "indicator_rollups" (
	"level" text NOT NULL,
	"territory_id" integer NOT NULL,
	"year" integer NOT NULL,
	"covered" integer DEFAULT 0 NOT NULL,
	"implementing" integer DEFAULT 0 NOT NULL,
	"active_programmes" integer DEFAULT 0 NOT NULL,
	"learner_mentees" integer DEFAULT 0 NOT NULL,
	"learner_mentors" integer DEFAULT 0 NOT NULL,
	"teacher_mentors" integer DEFAULT 0 NOT NULL,
	"young_teacher_mentees" integer DEFAULT 0 NOT NULL,
	"young_teachers_with_route" integer DEFAULT 0 NOT NULL,
	"learners_any" integer DEFAULT 0 NOT NULL,
	"teachers_any" integer DEFAULT 0 NOT NULL,
	"learners" integer DEFAULT 0 NOT NULL,
	"staff" integer DEFAULT 0 NOT NULL,
	"young_teachers" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_rollups_level_territory_id_year_pk" PRIMARY KEY("level","territory_id","year")
);
--> statement-breakpoint
ALTER TABLE "indicator_facts" ADD CONSTRAINT "indicator_facts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_facts" ADD CONSTRAINT "indicator_facts_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_facts_municipality_id_year_index" ON "indicator_facts" USING btree ("municipality_id","year");--> statement-breakpoint
CREATE INDEX "indicator_facts_region_id_year_index" ON "indicator_facts" USING btree ("region_id","year");