/**
 * payload-newsroom's client entry. The plugin references its admin components as
 * `payload-newsroom/client#ArticlePanel`, which a host's `payload generate:importmap` resolves.
 */
export { ArticlePanel } from '../components/admin/ArticlePanel.tsx'
export { BulkWorkflowActions } from '../components/admin/BulkWorkflowActions.tsx'
export { RolesField } from '../components/admin/RolesField.tsx'
export { RelationshipTitleCell } from '../components/admin/RelationshipTitleCell.tsx'
export { FirstUserNotice } from '../components/admin/FirstUserNotice.tsx'
export { DisclaimerVersionNotice } from '../components/admin/DisclaimerVersionNotice.tsx'
export { CommentBox } from '../delivery/CommentBox.tsx'
