import type { CollectionConfig, FieldAccess } from 'payload'

import type { ResolvedNewsroomOptions } from '../../src/types.ts'

import { allowRoles, signedInOr } from '../../src/users/roles.ts'
import { urlField } from '../../src/fields/urlField.ts'
import { checkImageUpload } from '../../src/media/checkImageUpload.ts'
import { protectImagesInUse } from '../../src/media/protectImagesInUse.ts'
import {
  contentCredentialStates,
  recordContentCredentials,
  signOwnImages,
} from '../../src/media/signOwnImages.ts'
import { imageMimeTypes } from '../../src/rules/imageRules.ts'
import { translated, translatedRecord } from '../../src/translations/index.ts'
import { selectOptions } from '../../src/translations/selectOptions.ts'

/** Card (listings), article (the page, 2× for dense screens), social (`og:image`, 1200 × 630). */
export const imageSizes = [
  { name: 'card', width: 640 },
  { name: 'article', width: 1280 },
  { name: 'social', height: 630, position: 'centre', width: 1200 },
] as const

const systemOnly: FieldAccess = () => false

/**
 * Images with their credits and rights: what an article shows, under the same guarantee as its text.
 * Alt text, caption and credit per locale; a third-party image names its source, licence and rights'
 * expiry. The public reads an image once an article showing it was published (`public`). An image
 * its source hosts has no file, only its `externalUrl` (the ingest records syndicated images so).
 */
export const createMediaCollection = (options: ResolvedNewsroomOptions): CollectionConfig => {
  const sources = options.collections.sources.slug
  return options.collections.media.overrides({
    slug: options.collections.media.slug,
    access: {
      create: allowRoles('admin', 'editor', 'writer', 'ingest'),
      delete: allowRoles('admin', 'editor'),
      // An image uploaded for an unpublished (or embargoed) story stays the newsroom's until it runs.
      read: signedInOr({ public: { equals: true } }),
      update: allowRoles('admin', 'editor', 'writer'),
    },
    admin: {
      defaultColumns: ['filename', 'alt', 'credit', 'origin', 'public'],
      group: translatedRecord('groupNewsroom'),
      useAsTitle: 'filename',
    },
    defaultPopulate: {
      alt: true,
      caption: true,
      credit: true,
      externalUrl: true,
      filename: true,
      height: true,
      sizes: true,
      url: true,
      width: true,
    },
    fields: [
      {
        name: 'alt',
        type: 'text',
        admin: { description: translated('mediaAltDescription') },
        label: translated('mediaAlt'),
        localized: true,
        maxLength: 300,
      },
      {
        name: 'caption',
        type: 'textarea',
        label: translated('mediaCaption'),
        localized: true,
        maxLength: 1_000,
      },
      {
        name: 'credit',
        type: 'text',
        label: translated('mediaCredit'),
        localized: true,
        maxLength: 200,
      },
      {
        name: 'origin',
        type: 'select',
        defaultValue: 'own',
        label: translated('origin'),
        options: selectOptions('mediaOrigin', ['own', 'third-party']),
        required: true,
      },
      {
        name: 'source',
        type: 'relationship',
        admin: { condition: (_, sibling) => sibling?.origin === 'third-party' },
        label: translated('sourceSingular'),
        relationTo: sources,
      },
      { name: 'licence', type: 'text', label: translated('licence'), maxLength: 300 },
      {
        name: 'copyrightNotice',
        type: 'text',
        label: translated('copyrightNotice'),
        maxLength: 300,
      },
      { name: 'usageTerms', type: 'textarea', label: translated('usageTerms'), maxLength: 2_000 },
      {
        ...urlField({ name: 'externalUrl', label: 'mediaExternalUrl' }),
        admin: { description: translated('mediaExternalUrlDescription') },
        index: true,
        maxLength: 2_000,
      },
      {
        name: 'rightsExpireAt',
        type: 'date',
        admin: { date: { pickerAppearance: 'dayAndTime' } },
        label: translated('rightsExpireAt'),
      },
      {
        // What the stored file's C2PA credentials are (docs/provenance.md): written on upload only.
        name: 'contentCredentials',
        type: 'group',
        access: { create: systemOnly, update: systemOnly },
        admin: { position: 'sidebar', readOnly: true },
        fields: [
          {
            name: 'status',
            type: 'select',
            label: translated('contentCredentialsStatus'),
            options: selectOptions('contentCredentials', contentCredentialStates),
          },
          { name: 'signedAt', type: 'date', label: translated('contentCredentialsSignedAt') },
          {
            name: 'signer',
            type: 'text',
            label: translated('contentCredentialsSigner'),
            maxLength: 500,
          },
        ],
        label: translated('contentCredentials'),
      },
      {
        name: 'public',
        type: 'checkbox',
        // Set when an article showing the image is published; never by hand.
        access: { create: systemOnly, update: systemOnly },
        admin: {
          description: translated('mediaPublicDescription'),
          position: 'sidebar',
          readOnly: true,
        },
        defaultValue: false,
        index: true,
        label: translated('mediaPublic'),
      },
    ],
    hooks: {
      afterChange: [recordContentCredentials()],
      beforeChange: [protectImagesInUse(options)],
      // Signed after the checks: only a readable image within the limits is.
      beforeOperation: [checkImageUpload(options), signOwnImages(options)],
    },
    labels: { plural: translated('mediaPlural'), singular: translated('mediaSingular') },
    upload: {
      adminThumbnail: 'card',
      // A file or an `externalUrl`: `checkImageUpload` requires one of them.
      filesRequiredOnCreate: false,
      focalPoint: true,
      imageSizes: imageSizes.map((size) => ({ ...size })),
      mimeTypes: imageMimeTypes,
    },
  })
}
