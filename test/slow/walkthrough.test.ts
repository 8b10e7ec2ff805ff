/**
 * docs/walkthrough.md must run as written from a fresh clone: unpack the committed tree
 * (`git archive HEAD`) to a temporary folder, build, and run every `sh` block of the
 * walk-through in order. A block marked `# exits 1` must exit 1, every other block 0; a
 * block marked `# needs pandoc` runs when pandoc is installed (always in CI). `npm ci` is
 * replaced by a link to this checkout's node_modules: the test must stay offline.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, symlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {pandocVersion} from '../../src/assemble/pandoc.js'

const repository = path.resolve(import.meta.dirname, '../..')
const walkthrough = readFileSync(path.join(repository, 'docs/walkthrough.md'), 'utf8')
const blocks = [...walkthrough.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '')
const withPandoc = pandocVersion().found || Boolean(process.env.CI)

const clone = mkdtempSync(path.join(tmpdir(), 'factlint-walkthrough-'))
afterAll(() => rmSync(clone, {recursive: true, force: true}))

describe('docs/walkthrough.md', () => {
  it('has the steps: build, split, measures, sources, check, coverage, report, assemble', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8)
  })

  it('runs from a fresh copy of the repository', () => {
    // The committed tree, as a clone would have it (work in progress stays out).
    const archive = spawnSync('git', ['archive', '--format=tar', 'HEAD'], {cwd: repository, maxBuffer: 512 * 1024 * 1024})
    expect(archive.status, String(archive.stderr)).toBe(0)
    const unpack = spawnSync('tar', ['-x', '-C', clone], {input: archive.stdout})
    expect(unpack.status, String(unpack.stderr)).toBe(0)
    symlinkSync(path.join(repository, 'node_modules'), path.join(clone, 'node_modules'))
    for (const block of blocks) {
      if (block.includes('# needs pandoc') && !withPandoc) continue
      const script = block
        .split('\n')
        .filter((line) => line.trim() !== 'npm ci')
        .join('\n')
      const run = spawnSync('bash', ['-o', 'pipefail', '-c', script], {cwd: clone, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
      const expected = /# exits 1\b/.test(block) ? 1 : 0
      expect(run.status, `${block}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`).toBe(expected)
      if (block.includes('factlint coverage')) expect(run.stdout).toContain('✔ 100% of 18 fact-stating sentences covered (18)')
      if (block.includes('factlint split')) expect(run.stdout).toContain('18 sentences → 18 drafts in 5 sections (4 headings); 13 figures pre-filled; 5 sources. 18 written.')
    }
    const article = readFileSync(path.join(clone, 'my-corpus/article.md'), 'utf8')
    expect(article).toContain('crossed the border [@williams1997; @bischof2010].')
    const check = spawnSync('npx', ['factlint', 'check', 'my-corpus', '--format', 'json'], {cwd: clone, encoding: 'utf8'})
    const rules = new Set((JSON.parse(check.stdout) as {findings: Array<{rule: string}>}).findings.map((finding) => finding.rule))
    // The to-do list the walk-through describes, and nothing worse.
    expect([...rules].filter((rule) => !['unknown-measure', 'bibliography', 'locator-needed', 'unused-source', 'better-source-needed', 'quote-needs-locator'].includes(rule))).toEqual([])
  })
})
