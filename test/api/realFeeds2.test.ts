import { realFeedCorpusPart } from '../helpers/realFeedCorpus'

realFeedCorpusPart(2, 2)
