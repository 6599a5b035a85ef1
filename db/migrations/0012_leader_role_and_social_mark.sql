ALTER TYPE "public"."role" ADD VALUE 'leader' BEFORE 'company';--> statement-breakpoint
CREATE TABLE "social_mark_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"jobcentre_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text,
	"by_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_mark_thresholds" (
	"jobcentre_id" uuid PRIMARY KEY NOT NULL,
	"min_agreements_started" integer NOT NULL,
	"follow_ups_kept_percent" integer NOT NULL,
	"proposals_answered_percent" integer NOT NULL,
	"answer_working_days" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_marks" (
	"company_id" uuid NOT NULL,
	"jobcentre_id" uuid NOT NULL,
	"earned" boolean DEFAULT false NOT NULL,
	"hand_decision" text,
	"held" boolean DEFAULT false NOT NULL,
	"held_since" timestamp with time zone,
	"measured_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "social_marks_company_id_jobcentre_id_pk" PRIMARY KEY("company_id","jobcentre_id")
);
--> statement-breakpoint
ALTER TABLE "social_mark_events" ADD CONSTRAINT "social_mark_events_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_mark_events" ADD CONSTRAINT "social_mark_events_jobcentre_id_jobcentres_id_fk" FOREIGN KEY ("jobcentre_id") REFERENCES "public"."jobcentres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_mark_events" ADD CONSTRAINT "social_mark_events_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_mark_thresholds" ADD CONSTRAINT "social_mark_thresholds_jobcentre_id_jobcentres_id_fk" FOREIGN KEY ("jobcentre_id") REFERENCES "public"."jobcentres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_mark_thresholds" ADD CONSTRAINT "social_mark_thresholds_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_marks" ADD CONSTRAINT "social_marks_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_marks" ADD CONSTRAINT "social_marks_jobcentre_id_jobcentres_id_fk" FOREIGN KEY ("jobcentre_id") REFERENCES "public"."jobcentres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "social_mark_events_company_idx" ON "social_mark_events" USING btree ("company_id","jobcentre_id","at");--> statement-breakpoint
CREATE INDEX "social_marks_held_idx" ON "social_marks" USING btree ("company_id") WHERE "social_marks"."held";