/**
 * After typescript-eslint's docs test: every rule of the contract has a rule file named
 * by its id, a docs page with the required parts, and a test file; options schemas compile.
 */
import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {rules} from '../src/rules/index.js'
import {optionsValidator} from '../src/schema/ajv.js'

/** The rule ids of ../shared/CORPUS-FORMAT.md (the minimum set). */
const contractRuleIds = [
  'frontmatter', 'schema', 'id-mismatch', 'duplicate-id', 'uncited', 'unknown-source', 'body-citation',
  'locator-needed', 'unknown-measure', 'figure-text', 'undeclared-figure', 'conflicting-figures', 'relation',
  'unused-source', 'bibliography', 'better-source-needed', 'quote-needs-locator', 'according-to-whom'
]

const contractDefaults: Record<string, string> = {
  frontmatter: 'error', schema: 'error', 'id-mismatch': 'error', 'duplicate-id': 'error', uncited: 'error',
  'unknown-source': 'error', 'body-citation': 'error', 'locator-needed': 'warning', 'unknown-measure': 'error',
  'figure-text': 'error', 'undeclared-figure': 'warning', 'conflicting-figures': 'error', relation: 'error',
  'unused-source': 'warning', bibliography: 'error', 'better-source-needed': 'warning',
  'quote-needs-locator': 'warning', 'according-to-whom': 'warning'
}

describe('rules meta', () => {
  it('registers every rule id of the contract', () => {
    expect(Object.keys(rules).sort()).toEqual(expect.arrayContaining(contractRuleIds.sort()))
  })

  for (const [id, rule] of Object.entries(rules)) {
    describe(id, () => {
      it('is named by its id, with the default severity of the contract', () => {
        expect(rule.id).toBe(id)
        expect(existsSync(new URL(`../src/rules/${id}.ts`, import.meta.url))).toBe(true)
        if (contractDefaults[id]) expect(rule.defaultSeverity).toBe(contractDefaults[id])
        expect(rule.description.length).toBeGreaterThan(10)
      })

      it('has a docs page with what, why, a failing and a passing example, and a fix', () => {
        const docs = new URL(`../docs/rules/${id}.md`, import.meta.url)
        expect(existsSync(docs), `docs/rules/${id}.md`).toBe(true)
        const text = readFileSync(docs, 'utf8')
        expect(text).toMatch(new RegExp(`^# \`${id}\``, 'm'))
        for (const heading of ['## What it checks', '## Why it matters', '## Fails', '## Passes', '## How to fix']) {
          expect(text, `${id}: ${heading}`).toContain(heading)
        }
      })

      it('has a valid/invalid test file', () => {
        const test = new URL(`./rules/${id}.test.ts`, import.meta.url)
        expect(existsSync(test), `test/rules/${id}.test.ts`).toBe(true)
        expect(readFileSync(test, 'utf8')).toMatch(/invalid/)
      })

      it('has an options schema that compiles, when it takes options', () => {
        if (rule.optionsSchema) expect(() => optionsValidator(id, rule.optionsSchema as object)).not.toThrow()
        if ('defaultOptions' in rule && rule.optionsSchema) {
          expect(optionsValidator(id, rule.optionsSchema as object)(rule.defaultOptions)).toBe(true)
        }
      })
    })
  }
})
