import { realFeedCorpusPart } from '../helpers/realFeedCorpus'

realFeedCorpusPart(1, 2)
