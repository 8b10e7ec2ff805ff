/**
 * ESLint-style valid/invalid tables: each case is a small corpus; an invalid case lists
 * the exact `file:line:column: message` findings of the rule under test.
 */
import {describe, expect, it} from 'vitest'
import {lines} from './corpus.js'

export interface ValidCase {
  name: string
  files: Record<string, string | Uint8Array | null>
}
export interface InvalidCase extends ValidCase {
  /** Exact findings of this rule, in report order. */
  errors: string[]
}

export function testRule(rule: string, cases: {valid: ValidCase[]; invalid: InvalidCase[]}): void {
  describe(rule, () => {
    for (const testCase of cases.valid) {
      it(`valid: ${testCase.name}`, () => {
        expect(lines(testCase.files, rule)).toEqual([])
      })
    }
    for (const testCase of cases.invalid) {
      it(`invalid: ${testCase.name}`, () => {
        expect(lines(testCase.files, rule)).toEqual(testCase.errors)
      })
    }
  })
}
