/**
 * An instant as a page shows it to readers: long date and time in the page's language, in the
 * newsroom's time zone (`frontend.timeZone`), the zone named so the time is never ambiguous.
 * Never the server's own zone, which says nothing about the newsroom.
 */
export const formatPublishedAt = (
  instant: string,
  language: string,
  timeZone: string,
): null | string => {
  const date = new Date(instant)
  if (Number.isNaN(date.getTime())) {
    return null
  }
  return new Intl.DateTimeFormat(language, {
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    month: 'long',
    timeZone,
    timeZoneName: 'short',
    year: 'numeric',
  }).format(date)
}
