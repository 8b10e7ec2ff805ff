import {testRule} from '../helpers/rule-tester.js'
import {claim, validClaim} from '../helpers/corpus.js'

testRule('unused-source', {
  valid: [
    {
      name: 'every entry cited (one only in a body)',
      files: {
        'claims/s/a.md': validClaim('a', '', 'See [@time1956].'),
        'claims/s/b.md': claim('id: b\nstatus: draft\nsources:\n  - holland2025')
      }
    }
  ],
  invalid: [
    {
      name: 'two entries nobody cites, at their entry line',
      files: {'claims/s/a.md': validClaim('a')},
      errors: [
        'bibliography.bib:10:1: Unexpected unused source `holland2025`, expected a claim that cites it (or remove the entry)',
        'bibliography.bib:18:1: Unexpected unused source `time1956`, expected a claim that cites it (or remove the entry)'
      ]
    }
  ]
})
