CREATE TABLE "plan_actions" (
	"plan_id" uuid NOT NULL,
	"action_id" text NOT NULL,
	"text" text NOT NULL,
	"owner_id" uuid,
	"due_date" date,
	"status" text NOT NULL,
	"goal_id" text,
	"barrier_id" text,
	CONSTRAINT "plan_actions_plan_id_action_id_pk" PRIMARY KEY("plan_id","action_id")
);
--> statement-breakpoint
CREATE TABLE "plan_goal_progress" (
	"plan_id" uuid NOT NULL,
	"goal_id" text NOT NULL,
	"value" integer NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_goals" (
	"plan_id" uuid NOT NULL,
	"goal_id" text NOT NULL,
	"text" text NOT NULL,
	"horizon" text NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"latest_progress" integer,
	"review_date" date,
	CONSTRAINT "plan_goals_plan_id_goal_id_pk" PRIMARY KEY("plan_id","goal_id")
);
--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_plan_id_care_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."care_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goal_progress" ADD CONSTRAINT "plan_goal_progress_plan_id_care_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."care_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_plan_id_care_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."care_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_actions_owner_id_status_due_date_index" ON "plan_actions" USING btree ("owner_id","status","due_date");--> statement-breakpoint
CREATE INDEX "plan_goal_progress_plan_id_goal_id_recorded_at_index" ON "plan_goal_progress" USING btree ("plan_id","goal_id","recorded_at");--> statement-breakpoint
CREATE INDEX "plan_goals_category_status_index" ON "plan_goals" USING btree ("category","status");