ALTER TABLE "users" ADD COLUMN "oidc_issuer" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "oidc_subject" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "oidc_bound_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "users_oidc_issuer_oidc_subject_index" ON "users" USING btree ("oidc_issuer","oidc_subject");