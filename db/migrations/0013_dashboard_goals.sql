CREATE TABLE "jobcentre_goals" (
	"jobcentre_id" uuid NOT NULL,
	"goal" text NOT NULL,
	"target_percent" double precision NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jobcentre_goals_jobcentre_id_goal_pk" PRIMARY KEY("jobcentre_id","goal")
);
--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "created_via" text DEFAULT 'form' NOT NULL;--> statement-breakpoint
ALTER TABLE "jobcentre_goals" ADD CONSTRAINT "jobcentre_goals_jobcentre_id_jobcentres_id_fk" FOREIGN KEY ("jobcentre_id") REFERENCES "public"."jobcentres"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobcentre_goals" ADD CONSTRAINT "jobcentre_goals_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;