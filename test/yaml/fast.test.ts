/**
 * The fast YAML path must give exactly the facts of the document API: same values, same
 * places. Checked on every claim of the corpus, a synthetic corpus, and generated YAML.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {parseClaim} from '../../src/pipeline/parse-claim.js'
import {indexBlockYaml, parseYamlFast} from '../../src/yaml/fast.js'

function claimFiles(root: string): string[] {
  return readdirSync(root, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(root, name))
}

function compare(files: string[]): number {
  let fast = 0
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const frontmatter = text.split(/\r?\n---/)[0]?.replace(/^---\r?\n/, '') ?? ''
    if (parseYamlFast(frontmatter)) fast++
    expect(parseClaim(file, text), file).toEqual(parseClaim(file, text, {fastYaml: false}))
  }
  return fast
}

describe('fast YAML path', () => {
  it('gives the same facts as the document API on every claim of the corpus', () => {
    const files = claimFiles('corpus/claims')
    const fast = compare(files)
    // All of them: ranges written `{min: "1960", max: "1979"}` too.
    expect(fast).toBe(files.length)
  })

  it('gives the same facts on a synthetic corpus (with its injected defects)', () => {
    const generator = path.resolve('../shared/tools/gen-corpus.mjs')
    if (!existsSync(generator)) throw new Error(`missing ${generator}: CI lays shared/ beside the repository`)
    const root = mkdtempSync(path.join(tmpdir(), 'factlint-gen-'))
    const generated = spawnSync(process.execPath, [generator, root, '1500', '7'], {encoding: 'utf8'})
    expect(generated.status).toBe(0)
    const files = claimFiles(path.join(root, 'claims'))
    const fast = compare(files)
    expect(fast / files.length).toBeGreaterThan(0.9)
  })

  it('gives the same facts on generated frontmatter, or declines', () => {
    const scalar = fc.constantFrom('a', 'lendvai2008', '"p. 5"', "'it''s'", '2500', '1_000', '0b11', '-5', '1956-10-23', '1991', 'unknown', '"quote: yes"', 'a # comment', '[a, b]', '{min: 1, max: 2}', '[]', 'null', 'true', '~', '&anchor x', '!!str 5', '"unclosed', '')
    const key = fc.constantFrom('id', 'status', 'origin', 'note', 'key', 'locator', 'measure', 'value', 'qualifier', 'text', 'unit', '__proto__', 'tags')
    const line = fc.oneof(
      fc.tuple(fc.constantFrom('', '  ', '    ', '      '), key, scalar).map(([indent, k, v]) => `${indent}${k}: ${v}`),
      fc.tuple(fc.constantFrom('  ', '    '), fc.constantFrom('- ', '-   '), key, scalar).map(([indent, dash, k, v]) => `${indent}${dash}${k}: ${v}`),
      fc.tuple(fc.constantFrom('  ', '    '), scalar).map(([indent, v]) => `${indent}- ${v}`),
      fc.constantFrom('sources:', 'figures:', '  value:', '# comment', '  # comment', '', 'sources: [lendvai2008, time1956]', 'tags: [a, b]', 'note: >-\n  folded\n  text', '    locator: |\n      p. 5')
    )
    const frontmatter = fc.array(line, {minLength: 1, maxLength: 10}).map((lines) => lines.join('\n'))
    fc.assert(
      fc.property(frontmatter, (yaml) => {
        const text = `---\n${yaml}\n---\nA body with 1956 in it.\n`
        expect(parseClaim('claims/s/a.md', text)).toEqual(parseClaim('claims/s/a.md', text, {fastYaml: false}))
      }),
      {numRuns: 3000}
    )
  })

  it('gives the same facts for valid claims with flow lists, block scalars and comments', () => {
    const heads = [
      'id: a\nstatus: unverified\nsources: [lendvai2008, time1956]',
      'id: a\nstatus: unverified\nsources: [ lendvai2008 ]\ntags: [x, y]',
      '# why\nid: a\nstatus: unverified\nnote: >-\n  folded\n  note\nsources:\n  # the book\n  - key: lendvai2008\n    locator: |-\n      p. 5\n  - time1956',
      'id: a\nstatus: unverified\nsources:\n  - lendvai2008\nfigures:\n  - measure: m\n    value: {min: 1, max: 2}\n    qualifier: range\n    text: one or two'
    ]
    for (const yaml of heads) {
      expect(parseYamlFast(yaml), yaml).toBeDefined()
      const text = `---\n${yaml}\n---\nA body with 1956 in it.\n`
      expect(parseClaim('claims/s/a.md', text), yaml).toEqual(parseClaim('claims/s/a.md', text, {fastYaml: false}))
    }
  })

  it('declines what it cannot index exactly', () => {
    for (const yaml of ['a: |2\n  block', 'a: &x 1\nb: *x', 'a: 1 # c', '  # c\na: 1', 'a:\n- indentless', 'a: "multi\n  line"', 'a: 1\n\nb: 2', '\ta: 1', 'a:', '']) {
      expect(indexBlockYaml(yaml), yaml).toBeUndefined()
    }
    // Block scalars and comment lines whose ranges are certain (see fast-index.test.ts).
    for (const yaml of ['a: 1\nb:\n  - x\n  - k: v\n    l: "w"', 'a: |\n  block', '# c\na: 1']) {
      expect(indexBlockYaml(yaml), yaml).toBeDefined()
    }
  })
})
