/**
 * Two app instances and a jobs worker on one PostgreSQL database, as production runs them
 * (`npm run build` first; a server on 127.0.0.1:5432 or POSTGRES_ADMIN_URI):
 *
 * - instance A is started by `npm start`'s launcher, which applies the committed migrations;
 * - instance B is a second `next start` on the same database, with nothing shared but the database;
 * - an editor publishes through A and the public reads it through B at once;
 * - a scheduled publish is left alone by both web instances and run exactly once by the worker
 *   (`payload jobs:run`), with one audit event.
 *
 *   npm run test:instances
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'

import { checkProductionRefusals } from '../helpers/productionRefusals'
import { startBuiltApp, waitForAnswer } from '../helpers/server'
import { projectRoot } from '../testDatabase'
import { newProvenanceKeySet } from '../../host/provenanceKeys'

const adminUri = process.env.POSTGRES_ADMIN_URI ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const database = `newsroom_instances_${process.pid}`
const databaseUri = Object.assign(new URL(adminUri), { pathname: `/${database}` }).href
const ports = { a: 3210, b: 3211 }
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URI: databaseUri,
  NEWSROOM_DATABASE_ANNOUNCED: '1',
  // The webhook receiver is instance B, on this machine: production allows it only when told.
  NEWSROOM_OUTBOUND_ALLOW: '127.0.0.1',
  NEXT_TELEMETRY_DISABLED: '1',
  NEWSROOM_WEBHOOK_SECRET: 'instances-webhook-secret-0123456789abcdef',
  PAYLOAD_SECRET: 'instances-test-secret',
  // Production starts only with a signing key; both instances sign with the same one.
  NEWSROOM_PROVENANCE_KEYS: newProvenanceKeySet('instances-test'),
}
const password = 'instances-test-password'
/** `npm start` of instance A: migrate, then `next start` (with NODE_ENV=production). */
const npmStartA = [
  '--import',
  'tsx',
  'scripts/with-database.ts',
  '--migrate',
  'next',
  'start',
  '-p',
  String(ports.a),
]

const assert = (condition: unknown, message: string): void => {
  if (!condition) throw new Error(message)
}
const withAdmin = async (sql: string) => {
  const client = new pg.Client({ connectionString: adminUri, connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    return await client.query(sql)
  } finally {
    await client.end()
  }
}
/** Read-only checks of what the database holds (test infrastructure, never the app's way in). */
const query = async (sql: string, values: unknown[] = []) => {
  const client = new pg.Client({ connectionString: databaseUri })
  await client.connect()
  try {
    return (await client.query(sql, values)).rows
  } finally {
    await client.end()
  }
}

const children: ChildProcess[] = []
const exited = (child: ChildProcess) =>
  new Promise<number>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  )

/** A command in the project with the test's environment; resolves with its exit code and output. */
const runCommand = (
  command: string,
  args: string[],
  extraEnv: Record<string, string> = {},
  timeoutMs = 90_000,
) => {
  const child = spawn(command, args, {
    cwd: projectRoot,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  // Never hang CI: a command past its time is killed and reported.
  const timer = setTimeout(() => {
    output += `\n(killed after ${timeoutMs / 1000} s)`
    child.kill('SIGKILL')
  }, timeoutMs)
  return { child, done: exited(child).then((code) => (clearTimeout(timer), { code, output })) }
}

const api = async (port: number, route: string, init: RequestInit & { token?: string } = {}) => {
  const { token, ...rest } = init
  const response = await fetch(`http://127.0.0.1:${port}/api${route}`, {
    ...rest,
    signal: AbortSignal.timeout(60_000),
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `JWT ${token}` } : {}),
    },
  })
  const text = await response.text()
  let body: any = null
  try {
    body = JSON.parse(text)
  } catch {
    body = text
  }
  if (response.status >= 500)
    throw new Error(
      `${init.method ?? 'GET'} ${route} on :${port} → ${response.status} ${text.slice(0, 300)}`,
    )
  return { body, status: response.status }
}
const post = (port: number, route: string, body: unknown, token?: string) =>
  api(port, route, { body: JSON.stringify(body), method: 'POST', token })

const login = async (port: number, email: string) => {
  const answer = await post(port, '/users/login', { email, password })
  assert(answer.status === 200, `login ${email}: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body.token as string
}

const timings: string[] = []
const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
  const started = Date.now()
  const result = await work()
  timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`)
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return result
}

const main = async () => {
  const started = Date.now()
  await withAdmin(`CREATE DATABASE ${database}`)
  console.log(
    `database: postgres (${database} on ${new URL(adminUri).host}), two instances and a worker`,
  )

  await timed('npm start refuses to start without a provenance signing key', async () => {
    const { code, output } = await runCommand(process.execPath, npmStartA, {
      NEWSROOM_PROVENANCE_KEYS: '',
      NODE_ENV: 'production',
    }).done
    assert(
      code !== 0 && output.includes('payload-newsroom provenance keys: no signing key'),
      `exit ${code}: ${output.slice(-800)}`,
    )
  })

  await timed('instance A: npm start migrates the empty database, then serves', async () => {
    const a = spawn(process.execPath, npmStartA, {
      cwd: projectRoot,
      env: { ...env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    children.push(a)
    await waitForAnswer(`http://127.0.0.1:${ports.a}/admin`, 90_000)
    const migrations = await query('select name, batch from payload_migrations')
    assert(
      migrations.length > 0 && migrations.every((row) => Number(row.batch) === 1),
      `migrations: ${JSON.stringify(migrations)}`,
    )
  })
  await timed('instance B: a second next start on the same database', async () => {
    children.push(await startBuiltApp(ports.b, env))
  })

  // Staff and the basics, created through A's REST API as an admin would.
  const { admin, editor, writer } = await timed('staff and the basics through A', async () => {
    const first = await post(ports.a, '/users/first-register', {
      email: 'admin@instances.test',
      name: 'Admin',
      password,
    })
    assert(
      first.status === 200 || first.status === 201,
      `first-register: ${first.status} ${JSON.stringify(first.body)}`,
    )
    const admin = await login(ports.a, 'admin@instances.test')
    for (const role of ['editor', 'writer']) {
      const created = await post(
        ports.a,
        '/users',
        { email: `${role}@instances.test`, name: role, password, roles: [role] },
        admin,
      )
      assert(created.status === 201, `${role}: ${created.status} ${JSON.stringify(created.body)}`)
    }
    return {
      admin,
      editor: await login(ports.b, 'editor@instances.test'),
      writer: await login(ports.a, 'writer@instances.test'),
    }
  })
  const basics = await timed('a source, a section and a third-party disclaimer', async () => {
    const source = await post(
      ports.a,
      '/sources?locale=fr',
      { category: 'wire', creditLine: 'Agence Horizon', name: 'Agence Horizon' },
      admin,
    )
    const section = await post(ports.b, '/sections?locale=fr', { name: 'Monde' }, admin)
    const disclaimer = await post(
      ports.a,
      '/disclaimers?locale=fr',
      {
        key: 'third-party-content',
        kind: 'third-party',
        shortText: 'Contenu de tiers, fourni à titre informatif.',
        status: 'approved',
        title: 'Contenu de tiers',
      },
      admin,
    )
    for (const answer of [source, section, disclaimer])
      assert(answer.status === 201, `${answer.status} ${JSON.stringify(answer.body)}`)
    return {
      disclaimer: disclaimer.body.doc.id,
      section: section.body.doc.id,
      source: source.body.doc.id,
    }
  })
  let item = 0
  const syndicatedDraft = async (title: string) => {
    const answer = await post(
      ports.a,
      '/articles?draft=true',
      {
        attribution: {
          originalUrl: 'https://horizon.example/depeches/1',
          source: basics.source,
          sourceItemId: `item-${++item}`,
        },
        disclaimers: [basics.disclaimer],
        language: 'fr',
        origin: 'syndicated',
        section: basics.section,
        title,
      },
      editor,
    )
    assert(answer.status === 201, `draft: ${answer.status} ${JSON.stringify(answer.body)}`)
    return answer.body.doc as { id: string; slug: string }
  }
  const publishEvents = async (id: string) =>
    Number(
      (
        await query(
          `select count(*) from workflow_events where article_id = $1 and action = 'publish'`,
          [id],
        )
      )[0].count,
    )

  await timed('published through A, read by the public through B at once', async () => {
    const draft = await syndicatedDraft('Publié sur A, lu sur B')
    const unseen = await api(ports.b, `/articles/view/fr/${draft.slug}`)
    assert(unseen.status === 404, `the draft is visible on B: ${unseen.status}`)
    const published = await post(
      ports.a,
      `/articles/${draft.id}/workflow`,
      { action: 'publish' },
      editor,
    )
    assert(
      published.status === 200,
      `publish: ${published.status} ${JSON.stringify(published.body)}`,
    )
    const view = await api(ports.b, `/articles/view/fr/${draft.slug}`)
    assert(
      view.status === 200 && view.body.article?.title === 'Publié sur A, lu sur B',
      `B's view: ${view.status} ${JSON.stringify(view.body).slice(0, 200)}`,
    )
    assert((await publishEvents(draft.id)) === 1, 'one publish event')
  })

  await timed('refusals keep their message and field in the production build', async () => {
    const published = await syndicatedDraft('Publié, puis refusé')
    assert(
      (await post(ports.a, `/articles/${published.id}/workflow`, { action: 'publish' }, editor))
        .status === 200,
      'publish',
    )
    const draft = await syndicatedDraft('Brouillon à programmer')
    const problems = await checkProductionRefusals({
      api: `http://127.0.0.1:${ports.b}/api`,
      articles: 'articles',
      draft: draft.id,
      published: published.id,
      tokens: { editor, writer },
    })
    assert(problems.length === 0, problems.join('\n'))
  })

  await timed(
    'a scheduled publish: left alone by both web instances, run once by the worker',
    async () => {
      const draft = await syndicatedDraft('Publication programmée')
      for (const action of ['submit', 'approve']) {
        const answer = await post(ports.a, `/articles/${draft.id}/workflow`, { action }, editor)
        assert(answer.status === 200, `${action}: ${answer.status} ${JSON.stringify(answer.body)}`)
      }
      const publishAt = new Date(Date.now() + 3_000).toISOString()
      const scheduled = await post(
        ports.b,
        `/articles/${draft.id}/workflow`,
        { action: 'schedule', publishAt },
        editor,
      )
      assert(
        scheduled.status === 200,
        `schedule: ${scheduled.status} ${JSON.stringify(scheduled.body)}`,
      )
      // Past the time, with both web instances up and serving: nothing publishes it.
      await new Promise((resolve) => setTimeout(resolve, 6_000))
      const [waiting] = await query('select _status, workflow_state from articles where id = $1', [
        draft.id,
      ])
      assert(
        waiting._status === 'draft' && waiting.workflow_state === 'scheduled',
        `before the worker: ${JSON.stringify(waiting)}`,
      )
      // The worker runs what is due, once.
      const worker = runCommand(
        process.execPath,
        ['--import', 'tsx', 'scripts/with-database.ts', 'payload', 'jobs:run'],
        { NODE_ENV: 'production' },
      )
      const { code, output } = await worker.done
      assert(code === 0, `jobs:run exited ${code}: ${output.slice(-800)}`)
      const [done] = await query('select _status, workflow_state from articles where id = $1', [
        draft.id,
      ])
      assert(
        done._status === 'published' && done.workflow_state === 'published',
        `after the worker: ${JSON.stringify(done)}`,
      )
      assert(
        (await publishEvents(draft.id)) === 1,
        `publish events: ${await publishEvents(draft.id)}`,
      )
      const view = await api(ports.a, `/articles/view/fr/${draft.slug}`)
      assert(view.status === 200, `A serves the scheduled article: ${view.status}`)
    },
  )

  await timed(
    'three workers at once on 50 due jobs (scheduled publishes and summaries): each runs once, none hangs',
    async () => {
      const scheduled: string[] = []
      const summarised: string[] = []
      for (let index = 0; index < 25; index += 1) {
        const draft = await syndicatedDraft(`Programmé ${index}`)
        for (const action of ['submit', 'approve'])
          assert(
            (await post(ports.a, `/articles/${draft.id}/workflow`, { action }, editor)).status ===
              200,
            action,
          )
        const answer = await post(
          ports.b,
          `/articles/${draft.id}/workflow`,
          { action: 'schedule', publishAt: new Date(Date.now() + 2_000).toISOString() },
          editor,
        )
        assert(answer.status === 200, `schedule: ${answer.status} ${JSON.stringify(answer.body)}`)
        scheduled.push(draft.id)
        const other = await syndicatedDraft(`Résumé ${index}`)
        const pending = await api(ports.a, `/articles/${other.id}?draft=true`, {
          body: JSON.stringify({
            standfirst: `La banque centrale a laissé ses taux inchangés, annonce ${index}, et prévoit de les revoir au printemps.`,
            summary: { status: 'pending' },
          }),
          method: 'PATCH',
          token: editor,
        })
        assert(
          pending.status === 200,
          `summary pending: ${pending.status} ${JSON.stringify(pending.body).slice(0, 200)}`,
        )
        summarised.push(other.id)
      }
      const queued = Number(
        (await query(`select count(*) from payload_jobs where completed_at is null`))[0].count,
      )
      assert(queued >= 50, `jobs queued: ${queued}`)
      await new Promise((resolve) => setTimeout(resolve, 2_500))
      const started = Date.now()
      const workers = [0, 1, 2].map(() =>
        runCommand(
          process.execPath,
          ['--import', 'tsx', 'scripts/with-database.ts', 'payload', 'jobs:run', '--limit', '100'],
          { NODE_ENV: 'production' },
          120_000,
        ),
      )
      const results = await Promise.all(workers.map((worker) => worker.done))
      const seconds = (Date.now() - started) / 1000
      const errorsOf = (output: string) =>
        output
          .split('\n')
          .filter((line) => /error|fail|message/i.test(line))
          .slice(0, 12)
          .join('\n')
      // Each worker's whole output, for a failure's details.
      results.forEach(({ output }, index) =>
        fs.writeFileSync(
          path.join(projectRoot, '.tmp', `instances-worker-${index + 1}.log`),
          output,
        ),
      )
      results.forEach(({ code, output }, index) =>
        assert(
          code === 0,
          `worker ${index + 1} exited ${code} (.tmp/instances-worker-${index + 1}.log): ${errorsOf(output)}`,
        ),
      )
      const events = await query(
        `select article_id, count(*) from workflow_events where action = 'publish' and article_id = any($1) group by article_id`,
        [scheduled],
      )
      assert(
        events.length === 25 && events.every((row) => Number(row.count) === 1),
        `publish events per article: ${JSON.stringify(events)}`,
      )
      const states = await query(
        `select count(*) from articles where id = any($1) and _status = 'published' and workflow_state = 'published'`,
        [scheduled],
      )
      assert(Number(states[0].count) === 25, `published: ${JSON.stringify(states)}`)
      // Drafts: their latest version holds the summary, as the API reads it.
      const summaries = await Promise.all(
        summarised.map(
          async (id) =>
            (await api(ports.a, `/articles/${id}?draft=true&depth=0`, { token: editor })).body
              ?.summary?.status,
        ),
      )
      assert(
        summaries.every((status) => status === 'ready'),
        `summaries: ${JSON.stringify(summaries)}`,
      )
      const failed = await query(
        `select task_slug, total_tried, has_error from payload_jobs where has_error or total_tried > 1`,
      )
      assert(failed.length === 0, `jobs that failed or ran twice: ${JSON.stringify(failed)}`)
      console.log(`  50 jobs, 3 workers: ${seconds.toFixed(1)} s, each ran once, 0 failed`)
    },
  )

  await timed(
    "a publish event: signed, delivered by the worker, accepted by B's revalidation route",
    async () => {
      const receiver = `http://127.0.0.1:${ports.b}/newsroom-events`
      for (const [name, secret] of [
        ['B revalidates', env.NEWSROOM_WEBHOOK_SECRET],
        ['wrong secret', 'not-the-secret-the-receiver-knows-0000'],
      ]) {
        const webhook = await post(
          ports.a,
          '/newsroom-webhooks',
          { events: ['article.published'], name, secret, url: receiver },
          admin,
        )
        assert(webhook.status === 201, `webhook: ${webhook.status} ${JSON.stringify(webhook.body)}`)
      }
      const draft = await syndicatedDraft('Annoncé aux frontends')
      const published = await post(
        ports.a,
        `/articles/${draft.id}/workflow`,
        { action: 'publish' },
        editor,
      )
      assert(published.status === 200, `publish: ${published.status}`)
      const worker = runCommand(
        process.execPath,
        ['--import', 'tsx', 'scripts/with-database.ts', 'payload', 'jobs:run'],
        { NODE_ENV: 'production' },
      )
      const { code, output } = await worker.done
      assert(code === 0, `jobs:run exited ${code}: ${output.slice(-800)}`)
      const log = await query(
        `select w.name, d.status, d.attempts, d.last_status_code from newsroom_webhook_deliveries d join newsroom_webhooks w on w.id = d.webhook_id where d.article_ref = $1 order by w.name`,
        [String(draft.id)],
      )
      const summary = JSON.stringify(log)
      assert(log.length === 2, `deliveries: ${summary}`)
      assert(
        log[0].status === 'delivered' && Number(log[0].last_status_code) === 200,
        `the signed delivery: ${summary}`,
      )
      // The receiver refuses a signature made with another secret: the queue will try again later.
      assert(
        log[1].status === 'retrying' && Number(log[1].last_status_code) === 401,
        `the badly signed delivery: ${summary}`,
      )
    },
  )

  console.log(
    `instances: PASSED in ${((Date.now() - started) / 1000).toFixed(1)} s (${timings.join(', ')})`,
  )
}

const cleanUp = async () => {
  for (const child of children) child.kill('SIGTERM')
  await Promise.all(
    children.map((child) =>
      child.exitCode === null
        ? Promise.race([exited(child), new Promise((r) => setTimeout(r, 5_000))])
        : null,
    ),
  )
  await withAdmin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined)
}

// The whole run is bounded too: a hang fails CI in minutes, not at its 90-minute limit.
setTimeout(() => {
  console.error('instances: FAILED: still running after 5 minutes')
  void cleanUp().then(() => process.exit(1))
}, 300_000).unref()

main()
  .then(cleanUp)
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    console.error(`instances: FAILED: ${error instanceof Error ? error.message : String(error)}`)
    await cleanUp()
    process.exit(1)
  })
