import type { CollectionBeforeChangeHook, CollectionSlug } from 'payload'

import { ValidationError } from 'payload'

import { translate } from '../../src/translations/index.ts'
import { relationID, valueAfterWrite } from '../../src/utilities/documentValue.ts'

/** Deeper than any real section tree; stops a walk through data that is already cyclic. */
const maxDepth = 32

/** A section cannot be its own ancestor: walks up from the new parent and refuses a loop. */
export const preventSectionCycles =
  (sectionsSlug: CollectionSlug): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    const selfID = originalDoc?.id
    let ancestorID = relationID(valueAfterWrite(data, originalDoc, 'parent'))
    for (
      let depth = 0;
      ancestorID !== undefined && selfID !== undefined && depth < maxDepth;
      depth++
    ) {
      if (ancestorID === selfID) {
        throw new ValidationError(
          {
            collection: sectionsSlug,
            errors: [{ message: translate(req.t, 'sectionParentCycle'), path: 'parent' }],
          },
          req.t,
        )
      }
      const ancestor = await req.payload.findByID({
        id: ancestorID,
        collection: sectionsSlug,
        depth: 0,
        disableErrors: true,
        joins: false,
        overrideAccess: true,
        req,
      })
      ancestorID = relationID(ancestor?.parent)
    }
    return data
  }
