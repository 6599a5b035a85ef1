ALTER TABLE "openings" ADD COLUMN "hourly_wage" double precision;--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "wage_agreement" text;