import type { Payload } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

/**
 * Makes the users `initialAdmins` names administrators, when the app starts, unless they already
 * are one: the host's owner names them in the config, so this is their decision, not the plugin's.
 * Their other roles are kept. Each grant is logged; an email with no user is said, not created.
 */
export const grantInitialAdmins = async (payload: Payload, options: ResolvedNewsroomOptions) => {
  if (options.initialAdmins.length === 0) {
    return
  }
  const users = options.collections.users.slug
  const { docs } = await payload.find({
    collection: users,
    depth: 0,
    limit: options.initialAdmins.length,
    overrideAccess: true,
    pagination: false,
    where: { email: { in: options.initialAdmins } },
  })
  const found = new Set<string>()
  for (const user of docs) {
    found.add(user.email.toLowerCase())
    const roles = Array.isArray(user.roles) ? user.roles : []
    if (roles.includes('admin')) {
      continue
    }
    await payload.update({
      collection: users,
      data: { roles: [...roles, 'admin'] },
      depth: 0,
      id: user.id,
      overrideAccess: true,
    })
    payload.logger.info(`payload-newsroom: ${user.email} is now an administrator (initialAdmins)`)
  }
  for (const email of options.initialAdmins.filter((email) => !found.has(email))) {
    payload.logger.warn(
      `payload-newsroom: initialAdmins names ${email}, but no user has that email`,
    )
  }
}
