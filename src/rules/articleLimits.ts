/** Comment settings of the feed we serve: 400 characters, bounded so no one sets an absurd limit. */
export const commentLengthLimits = { default: 400, max: 5000, min: 1 } as const

/** Lengths of an article's own text fields (characters), and its tags. */
export const articleLimits = { standfirst: 1_000, tag: 60, tags: 30, title: 300 } as const
