CREATE TYPE "public"."best_practice_level" AS ENUM('municipal', 'regional');--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD COLUMN "capacity" integer;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "best_practice_proposed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "best_practice_level" "best_practice_level";--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "best_practice_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "best_practice_by" integer;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "best_practice_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_best_practice_by_users_id_fk" FOREIGN KEY ("best_practice_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;