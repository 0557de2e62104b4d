import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// `originalAuthors` moves from rows of `*_texts` (a `hasMany` text) into a JSON column of the article's
// own row: the names are copied over, in their order, then their rows removed (and back on the way down).

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "attribution_original_authors" jsonb;
  ALTER TABLE "_articles_v" ADD COLUMN "version_attribution_original_authors" jsonb;
  UPDATE "articles" a SET "attribution_original_authors" = names.list
    FROM (SELECT "parent_id", jsonb_agg("text" ORDER BY "order") AS list FROM "articles_texts" WHERE "path" = 'attribution.originalAuthors' GROUP BY "parent_id") names
    WHERE names."parent_id" = a."id";
  UPDATE "_articles_v" v SET "version_attribution_original_authors" = names.list
    FROM (SELECT "parent_id", jsonb_agg("text" ORDER BY "order") AS list FROM "_articles_v_texts" WHERE "path" = 'version.attribution.originalAuthors' GROUP BY "parent_id") names
    WHERE names."parent_id" = v."id";
  DELETE FROM "articles_texts" WHERE "path" = 'attribution.originalAuthors';
  DELETE FROM "_articles_v_texts" WHERE "path" = 'version.attribution.originalAuthors';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   INSERT INTO "articles_texts" ("order", "parent_id", "path", "text")
    SELECT names.position, a."id", 'attribution.originalAuthors', names.name FROM "articles" a
    CROSS JOIN LATERAL jsonb_array_elements_text(a."attribution_original_authors") WITH ORDINALITY AS names(name, position)
    WHERE jsonb_typeof(a."attribution_original_authors") = 'array';
  INSERT INTO "_articles_v_texts" ("order", "parent_id", "path", "text")
    SELECT names.position, v."id", 'version.attribution.originalAuthors', names.name FROM "_articles_v" v
    CROSS JOIN LATERAL jsonb_array_elements_text(v."version_attribution_original_authors") WITH ORDINALITY AS names(name, position)
    WHERE jsonb_typeof(v."version_attribution_original_authors") = 'array';
  ALTER TABLE "articles" DROP COLUMN "attribution_original_authors";
  ALTER TABLE "_articles_v" DROP COLUMN "version_attribution_original_authors";`)
}
