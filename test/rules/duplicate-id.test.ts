import {describe, expect, it} from 'vitest'
import {findings, validClaim} from '../helpers/corpus.js'
import {testRule} from '../helpers/rule-tester.js'

testRule('duplicate-id', {
  valid: [{name: 'distinct ids', files: {'claims/a/x.md': validClaim('x'), 'claims/b/y.md': validClaim('y')}}],
  invalid: [
    {
      name: 'one id in two sections, reported on both files',
      files: {'claims/a/x.md': validClaim('x'), 'claims/b/x.md': validClaim('x')},
      errors: [
        'claims/a/x.md:2:5: Unexpected duplicate id `x`, also used by `claims/b/x.md`',
        'claims/b/x.md:2:5: Unexpected duplicate id `x`, also used by `claims/a/x.md`'
      ]
    }
  ]
})

describe('duplicate-id cause', () => {
  it('points at the other claim', () => {
    const [first] = findings({'claims/a/x.md': validClaim('x'), 'claims/b/x.md': validClaim('x')}, 'duplicate-id')
    expect(first?.cause).toEqual({file: 'claims/b/x.md', line: 2, column: 5, message: 'Claim `x` is also defined here'})
  })
})
