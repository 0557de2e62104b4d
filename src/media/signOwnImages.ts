import type { CollectionAfterChangeHook, CollectionBeforeOperationHook } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { recordOf } from '../utilities/values.ts'
import { newsroomContext } from '../utilities/requestContext.ts'
import {
  credentialFormats,
  hasContentCredentials,
  signContentCredentials,
} from './contentCredentials.ts'
import { contentCredentialsSigner } from './contentCredentialsSigner.ts'

/** What an upload's credentials are: ours (`signed`), the file's own (`kept`), or none. */
export const contentCredentialStates = ['signed', 'kept', 'none'] as const
export type ContentCredentialsStamp = {
  signedAt: null | string
  signer: null | string
  status: (typeof contentCredentialStates)[number]
}

/**
 * Our own images are signed as they are uploaded (JPEG and PNG): the file Payload stores, and
 * resizes from, carries a C2PA manifest saying this newsroom created it. A file that already has
 * credentials (a camera's, an editing tool's) keeps them untouched; a third party's is never signed
 * by us. The resized copies carry none (resizing drops them); the original does.
 */
export const signOwnImages =
  (options: ResolvedNewsroomOptions): CollectionBeforeOperationHook =>
  async ({ args, collection, operation, req }) => {
    const file = req.file
    if (!file?.data?.length || (operation !== 'create' && operation !== 'update')) {
      return args
    }
    const data = recordOf(recordOf(args).data)
    const id = recordOf(args).id as number | string | undefined
    const stored =
      operation === 'update' && id !== undefined && data.origin === undefined
        ? await req.payload.findByID({
            id,
            collection: collection.slug,
            depth: 0,
            disableErrors: true,
            overrideAccess: true,
            req,
            select: { origin: true },
          })
        : null
    const origin = data.origin ?? stored?.origin ?? 'own'
    const context = newsroomContext(req)
    if (hasContentCredentials(file.data)) {
      context.newsroomContentCredentials = { signedAt: null, signer: null, status: 'kept' }
      return args
    }
    const signer = await contentCredentialsSigner(req.payload, options)
    const format = (credentialFormats as readonly string[]).includes(file.mimetype)
    if (!signer || origin !== 'own' || !format) {
      context.newsroomContentCredentials = { signedAt: null, signer: null, status: 'none' }
      return args
    }
    const title = typeof data.alt === 'string' ? data.alt : file.name
    const signed = Buffer.from(await signContentCredentials(file.data, signer, { title }))
    file.data = signed
    file.size = signed.length
    context.newsroomContentCredentials = {
      signedAt: new Date().toISOString(),
      signer: signer.certificate.subject,
      status: 'signed',
    }
    return args
  }

/**
 * Records what the upload's credentials are on the image, in the upload's transaction: a system
 * field nobody writes through the API.
 */
export const recordContentCredentials =
  (): CollectionAfterChangeHook =>
  async ({ collection, doc, req }) => {
    const context = newsroomContext(req)
    const stamp = context.newsroomContentCredentials
    if (!stamp) {
      return doc
    }
    delete context.newsroomContentCredentials
    await req.payload.db.updateOne({
      id: doc.id,
      collection: collection.slug,
      data: { contentCredentials: stamp },
      req,
    })
    return { ...doc, contentCredentials: stamp }
  }
