CREATE TYPE "public"."access_action" AS ENUM('read', 'search', 'change', 'export');--> statement-breakpoint
CREATE TYPE "public"."agreement_status" AS ENUM('draft', 'awaiting_confirmation', 'active', 'ended');--> statement-breakpoint
CREATE TYPE "public"."benefit_status" AS ENUM('cash_benefit_activity_ready', 'cash_benefit_job_ready', 'education_benefit', 'integration_benefit', 'flexjob_unemployment', 'disability_pension', 'resource_programme', 'sickness_benefit', 'other');--> statement-breakpoint
CREATE TYPE "public"."follow_up_channel" AS ENUM('meeting', 'phone', 'video', 'message');--> statement-breakpoint
CREATE TYPE "public"."opening_kind" AS ENUM('ordinary_hours', 'flexjob', 'sheltered_job');--> statement-breakpoint
CREATE TYPE "public"."opening_status" AS ENUM('draft', 'open', 'paused', 'filled', 'closed');--> statement-breakpoint
CREATE TYPE "public"."path_phase" AS ENUM('clarification', 'towards_job', 'at_company', 'self_supporting', 'rehabilitation_team');--> statement-breakpoint
CREATE TYPE "public"."proposal_status" AS ENUM('proposed', 'company_accepted', 'company_declined', 'citizen_accepted', 'citizen_declined', 'accepted', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'consultant', 'company', 'citizen');--> statement-breakpoint
CREATE TYPE "public"."transport_mode" AS ENUM('car', 'public_transport', 'bike', 'walk');--> statement-breakpoint
CREATE TABLE "access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"citizen_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"actor_role" "role" NOT NULL,
	"organisation" text NOT NULL,
	"action" "access_action" NOT NULL,
	"purpose" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"ordinary_hours_per_week" double precision NOT NULL,
	"internship_hours_per_week" double precision DEFAULT 0 NOT NULL,
	"schedule" jsonb NOT NULL,
	"start_date" date NOT NULL,
	"renegotiation_date" date,
	"tasks" jsonb NOT NULL,
	"contact_name" text NOT NULL,
	"contact_role" text NOT NULL,
	"contact_phone" text,
	"contact_email" text,
	"sub_goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"shared_health_considerations" text DEFAULT '' NOT NULL,
	"follow_up_dates" jsonb NOT NULL,
	"change_note" text,
	"company_confirmed_at" timestamp with time zone,
	"company_confirmed_by" uuid,
	"citizen_confirmed_at" timestamp with time zone,
	"citizen_confirmed_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"citizen_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"opening_id" uuid,
	"proposal_id" uuid,
	"status" "agreement_status" DEFAULT 'draft' NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"activated_at" timestamp with time zone,
	"goal_reached_month" date,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "citizen_excluded_companies" (
	"citizen_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "citizen_excluded_companies_citizen_id_company_id_pk" PRIMARY KEY("citizen_id","company_id")
);
--> statement-breakpoint
CREATE TABLE "citizens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jobcentre_id" uuid NOT NULL,
	"consultant_id" uuid,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"postcode" text NOT NULL,
	"city" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"transport_mode" "transport_mode" DEFAULT 'public_transport' NOT NULL,
	"reach_km" double precision NOT NULL,
	"benefit_status" "benefit_status" NOT NULL,
	"flexjob_visitation_until" date,
	"hours_min" double precision NOT NULL,
	"hours_max" double precision NOT NULL,
	"wishes" text DEFAULT '' NOT NULL,
	"competences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"danish_level" text DEFAULT 'good' NOT NULL,
	"driving_licence" boolean DEFAULT false NOT NULL,
	"restrictions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"needed_accommodations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"health_notes" text DEFAULT '' NOT NULL,
	"consent_to_share" boolean DEFAULT false NOT NULL,
	"consent_updated_at" timestamp with time zone,
	"phase" "path_phase" DEFAULT 'clarification' NOT NULL,
	"next_action" text,
	"next_action_date" date,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cvr" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"postcode" text NOT NULL,
	"city" text NOT NULL,
	"industry" text NOT NULL,
	"ordinary_employees" integer NOT NULL,
	"phone" text NOT NULL,
	"email" text NOT NULL,
	"created_by_jobcentre_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"contact_date" date NOT NULL,
	"with_whom" text NOT NULL,
	"channel" "follow_up_channel" NOT NULL,
	"summary" text NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobcentres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"municipality" text NOT NULL,
	"phone" text,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opening_id" uuid NOT NULL,
	"citizen_id" uuid NOT NULL,
	"proposed_by" uuid,
	"origin" text DEFAULT 'consultant' NOT NULL,
	"status" "proposal_status" DEFAULT 'proposed' NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"company_accepted_at" timestamp with time zone,
	"company_declined_at" timestamp with time zone,
	"company_reason" text,
	"citizen_accepted_at" timestamp with time zone,
	"citizen_declined_at" timestamp with time zone,
	"citizen_reason" text,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monthly_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"month" date NOT NULL,
	"ordinary_hours" double precision DEFAULT 0 NOT NULL,
	"internship_hours" double precision DEFAULT 0 NOT NULL,
	"flexjob_hours" double precision DEFAULT 0 NOT NULL,
	"wage_subsidy_hours" double precision DEFAULT 0 NOT NULL,
	"reported_by" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "one_time_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"user_id" uuid,
	"email" text,
	"company_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "openings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" "opening_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"tasks" jsonb NOT NULL,
	"hours_min" double precision NOT NULL,
	"hours_max" double precision NOT NULL,
	"flexjob_expected_hours" double precision,
	"schedule" jsonb DEFAULT '{"days":[],"parts":[]}'::jsonb NOT NULL,
	"start_date" date NOT NULL,
	"slots" integer DEFAULT 1 NOT NULL,
	"postcode" text NOT NULL,
	"city" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"demands" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"accommodations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"language_needs" text DEFAULT '' NOT NULL,
	"driving_licence_required" boolean DEFAULT false NOT NULL,
	"contact_name" text NOT NULL,
	"contact_role" text NOT NULL,
	"contact_phone" text NOT NULL,
	"contact_email" text NOT NULL,
	"status" "opening_status" DEFAULT 'draft' NOT NULL,
	"is_job_order" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"password_hash" text,
	"role" "role" NOT NULL,
	"jobcentre_id" uuid,
	"company_id" uuid,
	"citizen_id" uuid,
	"password_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_company_confirmed_by_users_id_fk" FOREIGN KEY ("company_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_citizen_confirmed_by_users_id_fk" FOREIGN KEY ("citizen_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_opening_id_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."openings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_proposal_id_match_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."match_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_excluded_companies" ADD CONSTRAINT "citizen_excluded_companies_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_excluded_companies" ADD CONSTRAINT "citizen_excluded_companies_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizens" ADD CONSTRAINT "citizens_jobcentre_id_jobcentres_id_fk" FOREIGN KEY ("jobcentre_id") REFERENCES "public"."jobcentres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizens" ADD CONSTRAINT "citizens_consultant_id_users_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_created_by_jobcentre_id_jobcentres_id_fk" FOREIGN KEY ("created_by_jobcentre_id") REFERENCES "public"."jobcentres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_proposals" ADD CONSTRAINT "match_proposals_opening_id_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."openings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_proposals" ADD CONSTRAINT "match_proposals_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_proposals" ADD CONSTRAINT "match_proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_hours" ADD CONSTRAINT "monthly_hours_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_hours" ADD CONSTRAINT "monthly_hours_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_time_tokens" ADD CONSTRAINT "one_time_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_time_tokens" ADD CONSTRAINT "one_time_tokens_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_time_tokens" ADD CONSTRAINT "one_time_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_jobcentre_id_jobcentres_id_fk" FOREIGN KEY ("jobcentre_id") REFERENCES "public"."jobcentres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_log_citizen_idx" ON "access_log" USING btree ("citizen_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_versions_unique" ON "agreement_versions" USING btree ("agreement_id","version");--> statement-breakpoint
CREATE INDEX "agreements_citizen_idx" ON "agreements" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "agreements_company_idx" ON "agreements" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "citizens_jobcentre_idx" ON "citizens" USING btree ("jobcentre_id");--> statement-breakpoint
CREATE INDEX "citizens_consultant_idx" ON "citizens" USING btree ("consultant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "companies_cvr_unique" ON "companies" USING btree ("cvr");--> statement-breakpoint
CREATE INDEX "follow_ups_agreement_idx" ON "follow_ups" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "login_attempts_email_idx" ON "login_attempts" USING btree ("email","attempted_at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_idx" ON "login_attempts" USING btree ("ip","attempted_at");--> statement-breakpoint
CREATE INDEX "proposals_opening_idx" ON "match_proposals" USING btree ("opening_id");--> statement-breakpoint
CREATE INDEX "proposals_citizen_idx" ON "match_proposals" USING btree ("citizen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_hours_unique" ON "monthly_hours" USING btree ("agreement_id","month");--> statement-breakpoint
CREATE INDEX "openings_company_idx" ON "openings" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "openings_status_idx" ON "openings" USING btree ("status");--> statement-breakpoint
CREATE INDEX "search_outbox_pending_idx" ON "search_outbox" USING btree ("id") WHERE "search_outbox"."processed_at" is null;--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");