import type { PayloadRequest } from 'payload'

type FieldValidate = (value: any, args: { data: unknown; req: PayloadRequest } & Record<string, any>) => Promise<string | true> | string | true

/**
 * Attribution is required only for syndicated articles, and (as Payload skips validation of draft
 * saves) only when publishing: a draft may be incomplete.
 */
export const requiredWhenSyndicated =
  (validate?: FieldValidate): any =>
  (value: unknown, args: Parameters<FieldValidate>[1]) => {
    if ((args.data as { origin?: string } | undefined)?.origin === 'syndicated' && (value === null || value === undefined || value === '')) {
      return args.req.t('validation:required')
    }
    return validate ? validate(value, args) : true
  }
