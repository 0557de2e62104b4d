import type { PayloadRequest } from 'payload'

import { recordOf } from '../utilities/values.ts'

type FieldValidate = (
  value: any,
  args: { data: unknown; req: PayloadRequest } & Record<string, any>,
) => Promise<string | true> | string | true

/**
 * Attribution is required only for syndicated articles, and only when publishing: a draft may be
 * incomplete (its values are still checked by `validate`).
 */
export const requiredWhenSyndicated =
  (validate?: FieldValidate): any =>
  (value: unknown, args: Parameters<FieldValidate>[1]) => {
    const data = recordOf(args.data)
    if (
      data.origin === 'syndicated' &&
      data._status === 'published' &&
      (value === null || value === undefined || value === '')
    ) {
      return args.req.t('validation:required')
    }
    return validate ? validate(value, args) : true
  }
