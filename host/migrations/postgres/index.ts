import * as migration_20261129_032022_initial from './20261129_032022_initial';
import * as migration_20261129_040532_snapshot_full_page_url from './20261129_040532_snapshot_full_page_url';
import * as migration_20261129_053720_webhooks from './20261129_053720_webhooks';
import * as migration_20261129_055101_content_revision from './20261129_055101_content_revision';
import * as migration_20261129_063738_feed_indexes from './20261129_063738_feed_indexes';
import * as migration_20261129_085134_ingest from './20261129_085134_ingest';
import * as migration_20261129_092553_audit_via from './20261129_092553_audit_via';
import * as migration_20261129_101828_summary_error from './20261129_101828_summary_error';
import * as migration_20261202_161948_embargo_licences from './20261202_161948_embargo_licences';
import * as migration_20261202_170921_media_library from './20261202_170921_media_library';
import * as migration_20261202_193528_media_external_url from './20261202_193528_media_external_url';
import * as migration_20261202_202558_workflow_action_snake_case from './20261202_202558_workflow_action_snake_case';
import * as migration_20261206_020503_audit_change_origin from './20261206_020503_audit_change_origin';
import * as migration_20261206_021001_article_updated_by from './20261206_021001_article_updated_by';
import * as migration_20261206_041339_ingest_findings_and_expires from './20261206_041339_ingest_findings_and_expires';
import * as migration_20261206_044034_possible_duplicates from './20261206_044034_possible_duplicates';
import * as migration_20261206_131202_original_authors_json from './20261206_131202_original_authors_json';
import * as migration_20261207_011129_article_previous_slugs from './20261207_011129_article_previous_slugs';
import * as migration_20261207_123140_source_text_and_data_mining from './20261207_123140_source_text_and_data_mining';
import * as migration_20261207_124317_author_pages from './20261207_124317_author_pages';
import * as migration_20261207_183819_partners from './20261207_183819_partners';
import * as migration_20261207_184952_partner_deliveries from './20261207_184952_partner_deliveries';
import * as migration_20261207_185624_partner_feed_formats from './20261207_185624_partner_feed_formats';
import * as migration_20261207_190943_partner_fan_out_task from './20261207_190943_partner_fan_out_task';
import * as migration_20261207_192112_partner_receipts_keep_partner from './20261207_192112_partner_receipts_keep_partner';
import * as migration_20261207_215552_provenance from './20261207_215552_provenance';
import * as migration_20261207_221856_media_content_credentials from './20261207_221856_media_content_credentials';
import * as migration_20261207_223944_article_tasks from './20261207_223944_article_tasks';
import * as migration_20261207_224939_article_assignment from './20261207_224939_article_assignment';
import * as migration_20261208_014013_notifications from './20261208_014013_notifications';
import * as migration_20261208_022635_notification_pruning from './20261208_022635_notification_pruning';

export const migrations = [
  {
    up: migration_20261129_032022_initial.up,
    down: migration_20261129_032022_initial.down,
    name: '20261129_032022_initial',
  },
  {
    up: migration_20261129_040532_snapshot_full_page_url.up,
    down: migration_20261129_040532_snapshot_full_page_url.down,
    name: '20261129_040532_snapshot_full_page_url',
  },
  {
    up: migration_20261129_053720_webhooks.up,
    down: migration_20261129_053720_webhooks.down,
    name: '20261129_053720_webhooks',
  },
  {
    up: migration_20261129_055101_content_revision.up,
    down: migration_20261129_055101_content_revision.down,
    name: '20261129_055101_content_revision',
  },
  {
    up: migration_20261129_063738_feed_indexes.up,
    down: migration_20261129_063738_feed_indexes.down,
    name: '20261129_063738_feed_indexes',
  },
  {
    up: migration_20261129_085134_ingest.up,
    down: migration_20261129_085134_ingest.down,
    name: '20261129_085134_ingest',
  },
  {
    up: migration_20261129_092553_audit_via.up,
    down: migration_20261129_092553_audit_via.down,
    name: '20261129_092553_audit_via',
  },
  {
    up: migration_20261129_101828_summary_error.up,
    down: migration_20261129_101828_summary_error.down,
    name: '20261129_101828_summary_error',
  },
  {
    up: migration_20261202_161948_embargo_licences.up,
    down: migration_20261202_161948_embargo_licences.down,
    name: '20261202_161948_embargo_licences',
  },
  {
    up: migration_20261202_170921_media_library.up,
    down: migration_20261202_170921_media_library.down,
    name: '20261202_170921_media_library',
  },
  {
    up: migration_20261202_193528_media_external_url.up,
    down: migration_20261202_193528_media_external_url.down,
    name: '20261202_193528_media_external_url',
  },
  {
    up: migration_20261202_202558_workflow_action_snake_case.up,
    down: migration_20261202_202558_workflow_action_snake_case.down,
    name: '20261202_202558_workflow_action_snake_case',
  },
  {
    up: migration_20261206_020503_audit_change_origin.up,
    down: migration_20261206_020503_audit_change_origin.down,
    name: '20261206_020503_audit_change_origin',
  },
  {
    up: migration_20261206_021001_article_updated_by.up,
    down: migration_20261206_021001_article_updated_by.down,
    name: '20261206_021001_article_updated_by',
  },
  {
    up: migration_20261206_041339_ingest_findings_and_expires.up,
    down: migration_20261206_041339_ingest_findings_and_expires.down,
    name: '20261206_041339_ingest_findings_and_expires',
  },
  {
    up: migration_20261206_044034_possible_duplicates.up,
    down: migration_20261206_044034_possible_duplicates.down,
    name: '20261206_044034_possible_duplicates',
  },
  {
    up: migration_20261206_131202_original_authors_json.up,
    down: migration_20261206_131202_original_authors_json.down,
    name: '20261206_131202_original_authors_json',
  },
  {
    up: migration_20261207_011129_article_previous_slugs.up,
    down: migration_20261207_011129_article_previous_slugs.down,
    name: '20261207_011129_article_previous_slugs',
  },
  {
    up: migration_20261207_123140_source_text_and_data_mining.up,
    down: migration_20261207_123140_source_text_and_data_mining.down,
    name: '20261207_123140_source_text_and_data_mining',
  },
  {
    up: migration_20261207_124317_author_pages.up,
    down: migration_20261207_124317_author_pages.down,
    name: '20261207_124317_author_pages',
  },
  {
    up: migration_20261207_183819_partners.up,
    down: migration_20261207_183819_partners.down,
    name: '20261207_183819_partners',
  },
  {
    up: migration_20261207_184952_partner_deliveries.up,
    down: migration_20261207_184952_partner_deliveries.down,
    name: '20261207_184952_partner_deliveries',
  },
  {
    up: migration_20261207_185624_partner_feed_formats.up,
    down: migration_20261207_185624_partner_feed_formats.down,
    name: '20261207_185624_partner_feed_formats',
  },
  {
    up: migration_20261207_190943_partner_fan_out_task.up,
    down: migration_20261207_190943_partner_fan_out_task.down,
    name: '20261207_190943_partner_fan_out_task',
  },
  {
    up: migration_20261207_192112_partner_receipts_keep_partner.up,
    down: migration_20261207_192112_partner_receipts_keep_partner.down,
    name: '20261207_192112_partner_receipts_keep_partner',
  },
  {
    up: migration_20261207_215552_provenance.up,
    down: migration_20261207_215552_provenance.down,
    name: '20261207_215552_provenance',
  },
  {
    up: migration_20261207_221856_media_content_credentials.up,
    down: migration_20261207_221856_media_content_credentials.down,
    name: '20261207_221856_media_content_credentials',
  },
  {
    up: migration_20261207_223944_article_tasks.up,
    down: migration_20261207_223944_article_tasks.down,
    name: '20261207_223944_article_tasks',
  },
  {
    up: migration_20261207_224939_article_assignment.up,
    down: migration_20261207_224939_article_assignment.down,
    name: '20261207_224939_article_assignment',
  },
  {
    up: migration_20261208_014013_notifications.up,
    down: migration_20261208_014013_notifications.down,
    name: '20261208_014013_notifications',
  },
  {
    up: migration_20261208_022635_notification_pruning.up,
    down: migration_20261208_022635_notification_pruning.down,
    name: '20261208_022635_notification_pruning'
  },
];
