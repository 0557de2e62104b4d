import type { TFunction } from '@payloadcms/translations'

/**
 * Translates one of the plugin's strings by a key made from data (a disclaimer kind, an origin, a
 * level read from the form): its values are open strings, so the key cannot be checked as
 * `translate`'s are; a host may translate values of its own, and a key no one translates reads as
 * itself (Payload's `t`). Prefer `translate` wherever the key is known.
 */
export const translateDataKey = (
  t: TFunction<any>,
  key: string,
  variables?: Record<string, unknown>,
): string => t(`newsroom:${key}`, variables)
