/** Admin components of the plugin, referenced by path (`/src/exports/client#ArticlePanel`). */
export { ArticlePanel } from '../components/admin/ArticlePanel'
export { DisclaimerVersionNotice } from '../components/admin/DisclaimerVersionNotice'
export { CommentBox } from '../components/CommentBox'
