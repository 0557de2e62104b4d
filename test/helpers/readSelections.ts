/**
 * Every field of the typed GraphQL read model, selected field by field: what the tests and the
 * benchmark compare with the REST answer, so a field added to the view is added here once.
 */
const imageSelection =
  'alt caption copyrightNotice credit focalPoint { x y } height id licence ' +
  'sizes { article { height url width } card { height url width } social { height url width } } srcset url width'

export const fullViewSelection =
  'article { aiDisclosure { bodyDigitalSourceType label level responsibleEditor reviewed { at by } summaryDigitalSourceType systems uses } ' +
  'attribution { copyrightHolder copyrightNotice creditText licence originalUrl source { homepageUrl name slug } viewOriginalLabel } ' +
  'basedOn { label originalUrl source { homepageUrl name slug } } ' +
  `body bodyImages { ${imageSelection} } ` +
  'byline { authors { id name page } automated { disclosure label } } comments { enabled maxLength moderation } corrections { at text type } correctionsPage ' +
  `disclaimers { fullPageUrl key kind text title version } featuredImage { ${imageSelection} } ` +
  'id language pinned provenance publishedAt retracted { notice } section { name slug } ' +
  'seo { canonical canonicalUrl robots } slug standfirst summary { status statusLabel text } textAndDataMining { policyUrl reserved } title translations { language slug title } updatedAt } ' +
  'head { description links { href hreflang rel } meta { content name property } title } jsonLd'

export const fullFeedSelection =
  'docs { byline { authors { id name page } automated { disclosure label } } id language origin pinned publishedAt section { name slug } slug ' +
  'source { name slug } standfirst summary { status statusLabel } thumbnail { alt height url width } title } hasNextPage hasPrevPage limit nextPage page prevPage totalDocs totalPages'
