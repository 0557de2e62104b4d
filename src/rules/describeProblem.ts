import type { TFunction } from '@payloadcms/translations'

import type { RuleProblem } from './publishRules.ts'

import { type NewsroomTranslationKey, translate } from '../translations/index.ts'

const kindLabel = (t: TFunction<any>, kind: string) =>
  translate(t, `disclaimerKind_${kind.replaceAll('-', '_')}` as NewsroomTranslationKey)

/** What is wrong and how to fix it, in the request's language. */
export const describeProblem = (t: TFunction<any>, problem: RuleProblem | { code: 'snapshotOutdated'; key: string }): string => {
  switch (problem.code) {
    case 'disclaimerInvalid':
      return translate(t, 'ruleDisclaimerInvalid', { kind: kindLabel(t, problem.kind) })
    case 'disclaimerMissing':
      return translate(t, 'ruleDisclaimerMissing', { kind: kindLabel(t, problem.kind) })
    case 'snapshotOutdated':
      return translate(t, 'ruleSnapshotOutdated', { key: problem.key })
    default:
      return translate(t, `rule_${problem.code}` as NewsroomTranslationKey)
  }
}
