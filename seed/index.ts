/** `npm run seed`: not built yet; the seeding issue fills a bilingual sample newsroom through the Local API. */
console.log('npm run seed: not built yet (see the seeding issue).')
