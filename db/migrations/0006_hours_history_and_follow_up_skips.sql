CREATE TABLE "follow_up_skips" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"planned_date" date NOT NULL,
	"reason" text NOT NULL,
	"skipped_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monthly_hours_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"month" date NOT NULL,
	"before" jsonb,
	"after" jsonb NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "follow_ups" ADD COLUMN "planned_date" date;--> statement-breakpoint
ALTER TABLE "follow_up_skips" ADD CONSTRAINT "follow_up_skips_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_skips" ADD CONSTRAINT "follow_up_skips_skipped_by_users_id_fk" FOREIGN KEY ("skipped_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_hours_changes" ADD CONSTRAINT "monthly_hours_changes_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_hours_changes" ADD CONSTRAINT "monthly_hours_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_skips_unique" ON "follow_up_skips" USING btree ("agreement_id","planned_date");--> statement-breakpoint
CREATE INDEX "monthly_hours_changes_agreement_idx" ON "monthly_hours_changes" USING btree ("agreement_id","changed_at");--> statement-breakpoint
-- A contact logged before this migration held every planned date before it; it now holds one: the latest planned date of the agreement's current plan on or before the contact.
UPDATE "follow_ups" SET "planned_date" = (SELECT max(d.value::date) FROM "agreements" a JOIN "agreement_versions" v ON v."agreement_id" = a."id" AND v."version" = a."current_version", jsonb_array_elements_text(v."follow_up_dates") AS d(value) WHERE a."id" = "follow_ups"."agreement_id" AND d.value::date <= "follow_ups"."contact_date");--> statement-breakpoint
-- The months saved before this migration start their history as first entries.
INSERT INTO "monthly_hours_changes" ("agreement_id", "month", "before", "after", "changed_by", "changed_at") SELECT "agreement_id", "month", NULL, jsonb_build_object('ordinaryHours', "ordinary_hours", 'internshipHours', "internship_hours", 'flexjobHours', "flexjob_hours", 'wageSubsidyHours', "wage_subsidy_hours", 'reportedBy', "reported_by"), "recorded_by", "created_at" FROM "monthly_hours";
