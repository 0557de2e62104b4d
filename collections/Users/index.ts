import type {
  CollectionBeforeChangeHook,
  CollectionConfig,
  CollectionSlug,
  Condition,
  Field,
} from 'payload'

import type { ResolvedNewsroomOptions } from '../../src/types.ts'

import { adminOrSelf, allowRoles, allowRolesOnField, staffOrSelf } from '../../src/users/roles.ts'
import { answerLockedLikeWrongPassword, guardLogins } from '../../src/limits/accountSafety.ts'
import { translated } from '../../src/translations/index.ts'
import { slugField } from '../../src/fields/slugField.ts'
import { authorPageEndpoint } from '../../src/delivery/readEndpoints.ts'
import { newsroomRoles } from '../../src/types.ts'
import { notificationKinds } from '../../src/rules/notificationRules.ts'
import { selectOptions } from '../../src/translations/selectOptions.ts'

const roleLabels = {
  admin: 'roleAdmin',
  editor: 'roleEditor',
  ingest: 'roleIngest',
  writer: 'roleWriter',
} as const

/** In the admin, only the create-first-user page renders a users form with nobody signed in. */
const onFirstUserPage: Condition = (_data, _siblingData, { user }) => !user
const signedIn: Condition = (_data, _siblingData, { user }) => Boolean(user)

/**
 * Payload's API key fields, shown raw by the create-first-user page (a text box with the key, an
 * unlabeled checkbox): hidden there. Merged into Payload's own fields of the same names.
 */
export const apiKeyFieldsOffFirstUserPage = (): Field[] =>
  [
    { name: 'enableAPIKey', type: 'checkbox' as const },
    { name: 'apiKey', type: 'text' as const },
    { name: 'hasAPIKey', type: 'checkbox' as const, virtual: true },
  ].map((field) => ({ ...field, admin: { condition: signedIn } }))

/** The fields the newsroom needs on users, also merged into a host's existing users collection. */
export const newsroomUserFields = (): Field[] => [
  {
    name: 'firstUserNotice',
    type: 'ui',
    admin: {
      components: { Field: 'payload-newsroom/client#FirstUserNotice' },
      condition: onFirstUserPage,
    },
  },
  {
    name: 'name',
    type: 'text',
    label: translated('name'),
  },
  // The author page: public once the person has a published article in the language (see `loadAuthorPage`).
  slugField({
    name: 'authorSlug',
    description: 'authorSlugDescription',
    from: 'name',
    optional: true,
  }),
  {
    name: 'jobTitle',
    type: 'text',
    label: translated('jobTitle'),
    localized: true,
    maxLength: 200,
  },
  {
    name: 'bio',
    type: 'textarea',
    label: translated('authorBio'),
    localized: true,
    maxLength: 2_000,
  },
  {
    name: 'roles',
    type: 'select',
    access: {
      // Only admins hand out roles; everyone else's attempt is ignored, never applied.
      create: allowRolesOnField('admin'),
      update: allowRolesOnField('admin'),
    },
    // Not offered on the create-first-user page: that account is made an administrator whatever is picked.
    admin: { components: { Field: 'payload-newsroom/client#RolesField' } },
    defaultValue: ['writer'],
    hasMany: true,
    label: translated('roles'),
    options: newsroomRoles.map((role) => ({
      label: translated(roleLabels[role]),
      value: role,
    })),
    required: true,
    saveToJWT: true,
  },
  // Each person's own choice of what they are told, per channel (docs/workflow.md, "Notifications").
  {
    name: 'notificationSettings',
    type: 'group',
    admin: { condition: signedIn },
    fields: [
      {
        name: 'language',
        type: 'select',
        admin: { description: translated('notificationLanguageDescription') },
        label: translated('notificationLanguage'),
        options: [
          { label: 'Français', value: 'fr' },
          { label: 'English', value: 'en' },
        ],
      },
      {
        name: 'mutedInAdmin',
        type: 'select',
        hasMany: true,
        label: translated('notificationMutedInAdmin'),
        options: selectOptions('notification', notificationKinds),
      },
      {
        name: 'mutedEmail',
        type: 'select',
        hasMany: true,
        label: translated('notificationMutedEmail'),
        options: selectOptions('notification', notificationKinds),
      },
      {
        name: 'emailDigest',
        type: 'checkbox',
        defaultValue: false,
        label: translated('notificationEmailDigest'),
      },
    ],
    label: translated('notificationSettings'),
  },
]

/** Rate-limited logins that answer alike (and as fast) for unknown, wrong and locked. */
export const loginSafetyHooks = (
  options: ResolvedNewsroomOptions,
): Pick<NonNullable<CollectionConfig['hooks']>, 'afterError' | 'beforeOperation'> => ({
  afterError: [answerLockedLikeWrongPassword],
  beforeOperation: [guardLogins(options.rateLimit)],
})

/** The first account of a fresh install must be able to administer it. */
export const makeFirstUserAdmin =
  (usersSlug: CollectionSlug): CollectionBeforeChangeHook =>
  async ({ data, operation, req }) => {
    if (operation !== 'create') {
      return data
    }
    const { totalDocs } = await req.payload.count({ collection: usersSlug, req })
    return totalDocs === 0 ? { ...data, roles: ['admin'] } : data
  }

export const createUsersCollection = (options: ResolvedNewsroomOptions): CollectionConfig =>
  options.collections.users.overrides({
    slug: options.collections.users.slug,
    access: {
      admin: ({ req }) => Boolean(req.user),
      create: allowRoles('admin'),
      delete: allowRoles('admin'),
      read: staffOrSelf,
      // Unlocking undoes the login lockout: only admins may, or the lockout would not stop guessing.
      unlock: allowRoles('admin'),
      update: adminOrSelf,
    },
    admin: {
      defaultColumns: ['name', 'email', 'roles'],
      useAsTitle: 'email',
    },
    // Authors' public pages, the only public read of users (public fields of people who published).
    endpoints: [authorPageEndpoint(options)],
    auth: {
      lockTime: 10 * 60 * 1000,
      maxLoginAttempts: 5,
      useAPIKey: true,
    },
    fields: [...newsroomUserFields(), ...apiKeyFieldsOffFirstUserPage()],
    hooks: {
      beforeChange: [makeFirstUserAdmin(options.collections.users.slug)],
      ...loginSafetyHooks(options),
    },
    labels: {
      plural: translated('userPlural'),
      singular: translated('userSingular'),
    },
  })
