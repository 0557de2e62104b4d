/**
 * payload-newsroom's client entry. The plugin references its admin components as
 * `payload-newsroom/client#ArticlePanel`, which a host's `payload generate:importmap` resolves.
 */
export { ArticlePanel } from '../admin/ArticlePanel.tsx'
export { BulkWorkflowActions } from '../admin/BulkWorkflowActions.tsx'
export { RolesField } from '../admin/RolesField.tsx'
export { RelationshipTitleCell } from '../admin/RelationshipTitleCell.tsx'
export { FirstUserNotice } from '../admin/FirstUserNotice.tsx'
export { DisclaimerVersionNotice } from '../admin/DisclaimerVersionNotice.tsx'
export { CommentBox } from '../delivery/CommentBox.tsx'
export { NotificationBell } from '../admin/NotificationBell.tsx'
