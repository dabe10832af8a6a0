CREATE TYPE "public"."roadmap_due_precision" AS ENUM('day', 'month');--> statement-breakpoint
CREATE TYPE "public"."roadmap_status" AS ENUM('planned', 'in_progress', 'done', 'failed');--> statement-breakpoint
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
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roadmap_items_organisation_id_position_index" ON "roadmap_items" USING btree ("organisation_id","position");--> statement-breakpoint
CREATE INDEX "roadmap_items_municipality_id_position_index" ON "roadmap_items" USING btree ("municipality_id","position");--> statement-breakpoint
CREATE INDEX "roadmap_items_region_id_due_date_index" ON "roadmap_items" USING btree ("region_id","due_date");