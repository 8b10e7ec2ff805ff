import {testRule} from '../helpers/rule-tester.js'
import {claim, validClaim} from '../helpers/corpus.js'

const f = 'claims/s/a.md'

testRule('quote-needs-locator', {
  valid: [
    {name: 'a quotation with a located source', files: {[f]: validClaim('a', '', 'Rákosi called himself “Stalin’s best pupil”.')}},
    {name: 'single quotes are not quotations', files: {[f]: claim('id: a\nstatus: unverified\nsources:\n  - time1956', "He was 'Little Stalin'.")}}
  ],
  invalid: [
    {
      name: 'curly and straight quotations, no locator',
      files: {[f]: claim('id: a\nstatus: unverified\nsources:\n  - key: lendvai2008\n    locator: unknown', 'They chanted “Russians Go Home” and "We Want Free Elections".')},
      errors: [
        `${f}:8:14: Unexpected quotation without a located source, expected a source with a locator such as \`p. 178\``,
        `${f}:8:37: Unexpected quotation without a located source, expected a source with a locator such as \`p. 178\``
      ]
    }
  ]
})
