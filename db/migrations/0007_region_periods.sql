-- Periods belong to a region. Every period of today (one shared list) is copied to every existing region with its
-- deadline and state, then the shared rows go; a region created later gets its own (lib/admin/periods/standard.ts).
ALTER TABLE "periods" DROP CONSTRAINT "periods_year_quarter_pk";--> statement-breakpoint
ALTER TABLE "periods" ADD COLUMN "region_id" integer;--> statement-breakpoint
ALTER TABLE "periods" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "periods" ADD COLUMN "updated_by_id" integer;--> statement-breakpoint
INSERT INTO "periods" ("region_id", "year", "quarter", "deadline", "open")
  SELECT r."id", p."year", p."quarter", p."deadline", p."open"
  FROM "periods" p CROSS JOIN "regions" r
  WHERE p."region_id" IS NULL;--> statement-breakpoint
DELETE FROM "periods" WHERE "region_id" IS NULL;--> statement-breakpoint
ALTER TABLE "periods" ALTER COLUMN "region_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "periods" ADD CONSTRAINT "periods_region_id_year_quarter_pk" PRIMARY KEY("region_id","year","quarter");--> statement-breakpoint
ALTER TABLE "periods" ADD CONSTRAINT "periods_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periods" ADD CONSTRAINT "periods_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "targets_updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "targets_updated_at" timestamp with time zone DEFAULT now() NOT NULL;
