CREATE TABLE "person_restrictions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_by" uuid NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" uuid,
	"lift_reason" text
);
--> statement-breakpoint
ALTER TABLE "persons" ALTER COLUMN "birth_date" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "national_register_hash" text;--> statement-breakpoint
ALTER TABLE "person_restrictions" ADD CONSTRAINT "person_restrictions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_restrictions" ADD CONSTRAINT "person_restrictions_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "person_restrictions_active_key" ON "person_restrictions" USING btree ("person_id") WHERE lifted_at IS NULL;--> statement-breakpoint
CREATE INDEX "person_restrictions_person_idx" ON "person_restrictions" USING btree ("person_id","started_at");--> statement-breakpoint
CREATE INDEX "persons_nrn_hash_idx" ON "persons" USING btree ("org_id","national_register_hash");