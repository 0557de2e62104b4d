import type { TFunction } from '@payloadcms/translations'

import type { RuleProblem } from './publishRules.ts'

import { translate, translateComposed } from '../translations/index.ts'

const kindLabel = (t: TFunction<any>, kind: string) =>
  translateComposed(t, `disclaimerKind_${kind.replaceAll('-', '_')}`)

/** An instant as editors read it in any language: "2026-12-03 10:00 UTC". */
export const formatInstant = (value: string): string => {
  const time = new Date(value)
  return Number.isNaN(time.getTime())
    ? value
    : `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** What is wrong and how to fix it, in the request's language. */
export const describeProblem = (
  t: TFunction<any>,
  problem: RuleProblem | { code: 'snapshotInvalid' | 'snapshotOutdated'; key: string },
): string => {
  switch (problem.code) {
    case 'disclaimerInvalid':
      return translate(t, 'ruleDisclaimerInvalid', { kind: kindLabel(t, problem.kind) })
    case 'disclaimerMissing':
      return translate(t, 'ruleDisclaimerMissing', { kind: kindLabel(t, problem.kind) })
    case 'embargoed':
      return translate(t, 'rule_embargoed', { until: formatInstant(problem.until) })
    case 'taskOpen':
      return translate(t, 'rule_taskOpen', { task: problem.task.slice(0, 200) })
    case 'rightsExpired':
      return translate(t, 'rule_rightsExpired', { at: formatInstant(problem.at) })
    case 'transformationNotLicensed':
      return translate(t, 'rule_transformationNotLicensed', {
        transformation: translateComposed(t, `transformation_${problem.transformation}`),
      })
    case 'translationNotLicensed':
      return translate(t, 'rule_translationNotLicensed', {
        language: problem.language.toUpperCase(),
      })
    case 'imageAltMissing':
      return translate(t, 'rule_imageAltMissing', {
        image: problem.image,
        language: problem.language.toUpperCase(),
      })
    case 'imageCreditMissing':
    case 'imageLicenceMissing':
      return translate(t, `rule_${problem.code}`, { image: problem.image })
    case 'imageRightsExpired':
      return translate(t, 'rule_imageRightsExpired', {
        at: formatInstant(problem.at),
        image: problem.image,
      })
    case 'snapshotOutdated':
      return translate(t, 'ruleSnapshotOutdated', { key: problem.key })
    case 'snapshotInvalid':
      return translate(t, 'ruleSnapshotInvalid', { key: problem.key })
    default:
      return translate(t, `rule_${problem.code}`)
  }
}
