import type { RuleProblem } from './publishRules.ts'
import type { WorkflowAction } from '../types.ts'

/** The workflow steps before publication where the publish rules are checked too (issue 37, item 4). */
export const checkedSteps = ['submit', 'approve', 'schedule'] as const
export type CheckedStep = (typeof checkedSteps)[number]

export const isCheckedStep = (action: WorkflowAction | undefined): action is CheckedStep =>
  (checkedSteps as readonly string[]).includes(action ?? '')

/**
 * What the article itself must have, whoever publishes it and whenever: the attribution, the
 * disclaimers, the licence's terms, the images' texts. An editor approves only a complete piece.
 */
const completeness: ReadonlySet<RuleProblem['code']> = new Set([
  'aiSummaryNotLicensed',
  'creditMissing',
  'disclaimerInvalid',
  'disclaimerMissing',
  'imageAltMissing',
  'imageCreditMissing',
  'imageLicenceMissing',
  'originalUrlInvalid',
  'originalUrlMissing',
  'sourceMissing',
  'transformationNotLicensed',
  'translationNotLicensed',
])

/**
 * How a publish rule's problem is treated at a step before publication: at submit every problem is
 * a warning (the writer learns it then, and may still hand the piece in); at approve and schedule a
 * missing part of the article blocks, while what depends on time or on others (an embargo, rights,
 * a suspended source, an open task) stays a warning until the publication itself, which blocks on
 * every problem.
 */
export const stepCheckOf = (code: RuleProblem['code'], step: CheckedStep): 'block' | 'warn' =>
  step !== 'submit' && completeness.has(code) ? 'block' : 'warn'
