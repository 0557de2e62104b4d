import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

import { projectRoot } from '../testDatabase'

/** Waits until `url` answers 2xx, or fails after `timeoutMs` saying what to check. */
export const waitForAnswer = async (url: string, timeoutMs = 60_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (did you run npm run build?)`)
}

/** `next start` of the built app on a port, in production mode, answering on /api/sections. */
export const startBuiltApp = async (
  port: number,
  env: NodeJS.ProcessEnv,
): Promise<ChildProcess> => {
  const server = spawn(
    path.join(projectRoot, 'node_modules', '.bin', 'next'),
    ['start', '-p', String(port)],
    {
      cwd: projectRoot,
      env: { ...env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  await waitForAnswer(`http://127.0.0.1:${port}/api/sections`)
  return server
}
