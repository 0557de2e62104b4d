import type { PayloadRequest } from 'payload'

import type { ResolvedNewsroomOptions } from '../types.ts'

import { imageUses } from '../rules/imageRules.ts'
import { evaluatePublishRules, toRuleArticle } from '../rules/publishRules.ts'
import { relationID } from '../utilities/documentValue.ts'
import { findOpenTasks } from '../workflow/articleTasks.ts'
import { loadRuleInput } from './loadRuleInput.ts'

type Doc = Record<string, any>

/**
 * The publish rules on an article as a write would leave it (`article`, the stored document merged
 * with the write's data): what they read (its source, section, disclaimers, images, open tasks) and
 * what they find, in the article's language. Used at publication and at the steps before it.
 */
export const evaluateArticle = async (
  req: PayloadRequest,
  options: ResolvedNewsroomOptions,
  article: Doc,
  articleID: number | string | undefined,
) => {
  const language = String(article.language ?? options.languages[0])
  const input = await loadRuleInput(
    req,
    options,
    toRuleArticle(article),
    relationID(article.section),
    language,
    imageUses(article),
  )
  const result = evaluatePublishRules({
    ...input,
    openTasks: await findOpenTasks(req, options, articleID),
  })
  return { input, language, result }
}
