import {
  type DisclaimerPageProps,
  disclaimerPageMetadata,
  renderDisclaimerPage,
} from '../../disclaimerPage'

export const dynamic = 'force-dynamic'
export const generateMetadata = disclaimerPageMetadata

export default function DisclaimerPage(props: DisclaimerPageProps) {
  return renderDisclaimerPage(props, 'avertissement')
}
