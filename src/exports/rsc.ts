/**
 * payload-newsroom's server components. The plugin references them as `payload-newsroom/rsc#NewsroomDesk`,
 * which a host's `payload generate:importmap` resolves.
 */
export { NewsroomDesk } from '../admin/NewsroomDesk.tsx'
