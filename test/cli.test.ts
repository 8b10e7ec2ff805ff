/**
 * The command itself, end to end: exit statuses, output formats, named files.
 */
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {main} from '../src/cli.js'
import type {CommandIo} from '../src/commands/io.js'
import {claim, validClaim, writeCorpus} from './helpers/corpus.js'
import {validator} from '../src/schema/ajv.js'

function run(argv: string[], cwd = process.cwd(), env: Record<string, string> = {}) {
  let stdout = ''
  let stderr = ''
  const io: CommandIo = {stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd, env, isTTY: false}
  return main(argv, io).then((status) => ({status, stdout, stderr}))
}

const clean = {'claims/s/a.md': validClaim('a', '', 'Rákosi ruled [@holland2025, para. 5] as in @time1956.').replace('sources:\n', 'sources:\n  - key: holland2025\n    locator: "para. 5"\n  - time1956\n')}
const broken = {...clean, 'claims/s/b.md': claim('id: b\nstatus: unverified\nsources: []')}

describe('factlint check', () => {
  it('exits 0 on a clean corpus', async () => {
    const root = writeCorpus(clean)
    const result = await run(['check', root])
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain('✔ no problems in 1 claim, 3 sources')
    expect(result.status).toBe(0)
  })

  it('exits 1 on an error and prints stylish lines grouped by file', async () => {
    const root = writeCorpus(broken)
    const result = await run(['check', root])
    expect(result.status).toBe(1)
    expect(result.stdout).toContain(`${root}/claims/s/b.md\n  4:1  error  Unexpected claim without sources`)
    expect(result.stdout).toMatch(/uncited\n/)
    expect(result.stdout).toContain('✖ 1 problem (1 error, 0 warnings, 0 infos) in 2 claims, 3 sources')
  })

  it('prints JSON that validates against report.schema.json, the same bytes twice', async () => {
    const root = writeCorpus(broken)
    const first = await run(['check', root, '--format', 'json'])
    const second = await run(['check', root, '--format', 'json'])
    expect(first.stdout).toBe(second.stdout)
    const report = JSON.parse(first.stdout) as unknown
    const validate = validator('report')
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true)
    expect(report).toMatchObject({findings: [{rule: 'uncited', severity: 'error', file: 'claims/s/b.md', line: 4, column: 1}], summary: {claims: 2, sources: 3, errors: 1, warnings: 0, infos: 0}})
  })

  it('limits the report to named files while cross-file rules see everything', async () => {
    const root = writeCorpus({...broken, 'claims/s/c.md': validClaim('a')})
    const result = await run(['check', root, path.join(root, 'claims/s/c.md'), '--format', 'json'])
    const report = JSON.parse(result.stdout) as {findings: Array<{rule: string; file: string}>}
    expect(report.findings.map((finding) => `${finding.rule} ${finding.file}`)).toEqual(['duplicate-id claims/s/c.md', 'id-mismatch claims/s/c.md'])
    expect(result.status).toBe(1)
  })

  it('--rule turns a rule off and --quiet hides warnings', async () => {
    const root = writeCorpus(broken)
    expect((await run(['check', root, '--rule', 'uncited=off'])).status).toBe(0)
    const warned = await run(['check', root, '--rule', 'uncited=warning', '--quiet', '--format', 'json'])
    expect(warned.status).toBe(0)
    expect(JSON.parse(warned.stdout).findings).toEqual([])
  })

  it('--max-warnings turns too many warnings into exit 1', async () => {
    const root = writeCorpus(broken)
    const result = await run(['check', root, '--rule', 'uncited=warning', '--max-warnings', '0'])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('more than --max-warnings 0')
  })

  it('reads rule severities and options from factlint.config.json', async () => {
    const root = writeCorpus({...broken, 'factlint.config.json': '{"rules": {"uncited": "info"}}'})
    const result = await run(['check', root, '--format', 'json'])
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout).findings[0]).toMatchObject({rule: 'uncited', severity: 'info'})
  })

  it('exits 2 with file, line and column on a bad config', async () => {
    const root = writeCorpus({...clean, 'factlint.config.json': '{\n  "rules": {"uncited": "loud"}\n}'})
    const result = await run(['check', root])
    expect(result.status).toBe(2)
    expect(result.stderr).toBe('factlint check: factlint.config.json:2:24: Unexpected `rules.uncited` value, expected `off`, `info`, `warning` or `error`\n')
  })

  it('exits 2 on a missing corpus, an unknown rule, format or option', async () => {
    expect(await run(['check', '/nonexistent/corpus'])).toMatchObject({status: 2, stderr: 'factlint check: No corpus at `/nonexistent/corpus`: expected a folder (or claim files ending in `.md`)\n'})
    const root = writeCorpus(clean)
    expect((await run(['check', root, '--rule', 'no-such-rule=error'])).status).toBe(2)
    expect((await run(['check', root, '--format', 'xml'])).stderr).toContain('Unknown format `xml`')
    expect((await run(['check', root, '--bogus'])).status).toBe(2)
    expect((await run(['frobnicate'])).status).toBe(2)
  })

  it('a missing bibliography is a finding, not a crash', async () => {
    const root = writeCorpus({...clean, 'bibliography.bib': null})
    const result = await run(['check', root, '--format', 'json'])
    const report = JSON.parse(result.stdout) as {findings: Array<{rule: string; message: string; file?: string}>}
    expect(report.findings[0]).toEqual(expect.objectContaining({rule: 'bibliography', message: 'Missing bibliography `bibliography.bib`, expected a BibTeX file of the sources'}))
    expect(report.findings[0]?.file).toBeUndefined()
  })

  it('leaves Object.prototype alone after reading __proto__ keys', async () => {
    const root = writeCorpus({'claims/s/p.md': claim('id: p\nstatus: draft\nsources: []\n__proto__:\n  polluted: true\nprototype:\n  polluted: true')})
    await run(['check', root])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('prints --help and --version', async () => {
    expect((await run(['--help'])).stdout).toContain('Usage: factlint <command>')
    expect((await run(['check', '--help'])).stdout).toContain('--max-warnings')
    expect((await run(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })
})

describe('the built binary', () => {
  it('runs as a process with the contract exit status', () => {
    const bin = path.resolve('dist/bin.js')
    const root = writeCorpus(broken)
    const child = spawnSync(process.execPath, [bin, 'check', root, '--format', 'json'], {encoding: 'utf8'})
    if (child.error) throw child.error
    expect(child.status).toBe(1)
    expect(JSON.parse(child.stdout).summary.errors).toBe(1)
  })
})
