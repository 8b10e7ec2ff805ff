import {readFileSync} from 'node:fs'

/** factlint's version, from package.json (beside `src/` and `dist/` alike). */
export function version(): string {
  const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}
  return packageJson.version
}
