'use client'

import { useId, useState } from 'react'

type CommentBoxProps = {
  labels: {
    characters: string
    heading: string
    moderation: string
    placeholder: string
    submit: string
  }
  maxLength: number
  moderation: boolean
}

/**
 * The comment form of the reference page: the limit comes from the article's settings and a live
 * counter says how much is left. Comment bodies belong to the comments service, not to this schema.
 */
export function CommentBox({ labels, maxLength, moderation }: CommentBoxProps) {
  const [text, setText] = useState('')
  const id = useId()
  return (
    <form className="comment" onSubmit={(event) => event.preventDefault()}>
      <h2>{labels.heading}</h2>
      <label htmlFor={id}>{labels.placeholder}</label>
      <textarea
        aria-describedby={`${id}-counter`}
        id={id}
        maxLength={maxLength}
        onChange={(event) => setText(event.target.value.slice(0, maxLength))}
        value={text}
      />
      <p aria-live="polite" className="counter" data-testid="comment-counter" id={`${id}-counter`}>
        {labels.characters
          .replace('{{count}}', String(text.length))
          .replace('{{max}}', String(maxLength))}
      </p>
      {moderation ? <p className="meta">{labels.moderation}</p> : null}
      <button disabled={text.trim().length === 0} type="submit">
        {labels.submit}
      </button>
    </form>
  )
}
