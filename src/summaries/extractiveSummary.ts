/**
 * The default summary: extractive, free of I/O, the same for the same text. The body's sentences
 * (split by `Intl.Segmenter`) are scored by how central they are, that is how often the article
 * uses their words, and the best ones are kept in their order, within a length limit.
 */

/** Words that say nothing about the subject, in the languages we publish in. */
const stopwords = new Set(
  (
    'au aux avec ce ces cet cette dans de des du elle en est et eux il ils je la le les leur leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous ete etre avoir ont sont fait plus comme tout tous toute toutes aussi apres avant deux entre selon sans sous vers lors dont ainsi cela ceci ' +
    'a an and are as at be been but by for from has had have he her his in into is it its not of on or our she that the their them there they this to was we were which who will with would been than then also after before about over under more most such these those'
  ).split(' '),
)

/** Abbreviations after which `Intl.Segmenter` wrongly ends a sentence ("M. Dupont"). */
const abbreviation =
  /(?:^|\s)(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|Me|Mgr|St|Ste|Mr|Mrs|Ms|Jr|Sr|etc|av|apr|n°|No|vs|cf|ex|env)\.\s*$/i

export const splitSentences = (text: string, language: string): string[] => {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' })
  const sentences: string[] = []
  let pending = ''
  for (const { segment } of segmenter.segment(text)) {
    pending += segment
    if (!abbreviation.test(pending)) {
      if (pending.trim()) {
        sentences.push(pending.trim())
      }
      pending = ''
    }
  }
  if (pending.trim()) {
    sentences.push(pending.trim())
  }
  return sentences
}

const words = (sentence: string, language: string): string[] => {
  const segmenter = new Intl.Segmenter(language, { granularity: 'word' })
  return [...segmenter.segment(sentence)]
    .filter((part) => part.isWordLike)
    .map((part) =>
      part.segment
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, ''),
    )
    .filter((word) => word.length > 2 && !stopwords.has(word) && !/^\d+$/.test(word))
}

/** Cut at a word boundary, with an ellipsis, when even the best sentence is too long. */
const shorten = (sentence: string, maxLength: number): string => {
  if (sentence.length <= maxLength) {
    return sentence
  }
  const cut = sentence.slice(0, maxLength - 1)
  const boundary = cut.lastIndexOf(' ')
  return `${(boundary > maxLength / 2 ? cut.slice(0, boundary) : cut).trimEnd()}…`
}

export const extractiveSummary = ({
  language,
  maxLength,
  text,
}: {
  language: string
  maxLength: number
  text: string
}): string => {
  const sentences = splitSentences(text, language)
  if (sentences.length === 0) {
    return ''
  }
  const tokens = sentences.map((sentence) => words(sentence, language))
  const frequency = new Map<string, number>()
  for (const list of tokens) {
    for (const word of new Set(list)) {
      frequency.set(word, (frequency.get(word) ?? 0) + 1)
    }
  }
  const scored = sentences.map((sentence, index) => {
    const unique = [...new Set(tokens[index])]
    const centrality =
      unique.reduce((sum, word) => sum + (frequency.get(word) ?? 0), 0) /
      Math.sqrt(unique.length + 1)
    // A news story puts the essential first: the lede weighs a little more.
    return { index, score: centrality * (index === 0 ? 1.25 : 1), sentence }
  })
  const ranked = [...scored].sort((a, b) => b.score - a.score || a.index - b.index)
  // The most central sentence leads, shortened if it must be; the others fill the room left.
  if (ranked[0].sentence.length > maxLength) {
    return shorten(ranked[0].sentence, maxLength)
  }
  const chosen: typeof scored = []
  let length = 0
  // Filler is not a summary: a sentence far less central than the best one stays out, even if it fits.
  const threshold = ranked[0].score * 0.4
  for (const candidate of ranked) {
    if (candidate.score < threshold) {
      break
    }
    const added = candidate.sentence.length + (chosen.length ? 1 : 0)
    if (length + added <= maxLength) {
      chosen.push(candidate)
      length += added
    }
  }
  return chosen
    .sort((a, b) => a.index - b.index)
    .map((entry) => entry.sentence)
    .join(' ')
}
