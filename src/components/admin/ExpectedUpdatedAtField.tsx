'use client'

import type { TextFieldClientComponent } from 'payload'

import { useDocumentInfo, useField } from '@payloadcms/ui'
import { useEffect } from 'react'

/**
 * Invisible: every save and autosave of the edit view says which version it was made from (the
 * `updatedAt` the form was loaded with, then the one of its own last save). When a colleague saved in
 * between, the server answers 409 naming them, Payload shows that message, and the form keeps the
 * editor's text.
 */
export const ExpectedUpdatedAtField: TextFieldClientComponent = ({ path }) => {
  const { data, initialData } = useDocumentInfo()
  const { setValue, value } = useField<string>({ path: path ?? 'expectedUpdatedAt' })
  const read = (data?.updatedAt ?? initialData?.updatedAt) as string | undefined
  useEffect(() => {
    // Not a change of the editor's: the form is not marked as modified.
    if (read && value !== read) setValue(read, true)
  }, [read, setValue, value])
  return null
}
