import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// The action `requestChanges` is now `request_changes`, as the states are spelt: recorded events follow.
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "workflow_events" ALTER COLUMN "action" SET DATA TYPE text;
  UPDATE "workflow_events" SET "action" = 'request_changes' WHERE "action" = 'requestChanges';
  DROP TYPE "public"."enum_workflow_events_action";
  CREATE TYPE "public"."enum_workflow_events_action" AS ENUM('submit', 'request_changes', 'approve', 'publish', 'schedule', 'unschedule', 'correct', 'retract', 'archive', 'reopen', 'unpublish', 'delete');
  ALTER TABLE "workflow_events" ALTER COLUMN "action" SET DATA TYPE "public"."enum_workflow_events_action" USING "action"::"public"."enum_workflow_events_action";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "workflow_events" ALTER COLUMN "action" SET DATA TYPE text;
  UPDATE "workflow_events" SET "action" = 'requestChanges' WHERE "action" = 'request_changes';
  DROP TYPE "public"."enum_workflow_events_action";
  CREATE TYPE "public"."enum_workflow_events_action" AS ENUM('submit', 'requestChanges', 'approve', 'publish', 'schedule', 'unschedule', 'correct', 'retract', 'archive', 'reopen', 'unpublish', 'delete');
  ALTER TABLE "workflow_events" ALTER COLUMN "action" SET DATA TYPE "public"."enum_workflow_events_action" USING "action"::"public"."enum_workflow_events_action";`)
}
