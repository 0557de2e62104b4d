import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_newsroom_partner_receipts\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`partner_id\` text(36),
  	\`channel\` text NOT NULL,
  	\`format\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`partner_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_newsroom_partner_receipts\`("id", "partner_id", "channel", "format", "updated_at", "created_at") SELECT "id", "partner_id", "channel", "format", "updated_at", "created_at" FROM \`newsroom_partner_receipts\`;`)
  await db.run(sql`DROP TABLE \`newsroom_partner_receipts\`;`)
  await db.run(sql`ALTER TABLE \`__new_newsroom_partner_receipts\` RENAME TO \`newsroom_partner_receipts\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`newsroom_partner_receipts_partner_idx\` ON \`newsroom_partner_receipts\` (\`partner_id\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_partner_receipts_updated_at_idx\` ON \`newsroom_partner_receipts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_partner_receipts_created_at_idx\` ON \`newsroom_partner_receipts\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_newsroom_partner_receipts\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`partner_id\` text(36) NOT NULL,
  	\`channel\` text NOT NULL,
  	\`format\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`partner_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_newsroom_partner_receipts\`("id", "partner_id", "channel", "format", "updated_at", "created_at") SELECT "id", "partner_id", "channel", "format", "updated_at", "created_at" FROM \`newsroom_partner_receipts\`;`)
  await db.run(sql`DROP TABLE \`newsroom_partner_receipts\`;`)
  await db.run(sql`ALTER TABLE \`__new_newsroom_partner_receipts\` RENAME TO \`newsroom_partner_receipts\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`newsroom_partner_receipts_partner_idx\` ON \`newsroom_partner_receipts\` (\`partner_id\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_partner_receipts_updated_at_idx\` ON \`newsroom_partner_receipts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`newsroom_partner_receipts_created_at_idx\` ON \`newsroom_partner_receipts\` (\`created_at\`);`)
}
