import {testRule} from '../helpers/rule-tester.js'
import {validClaim} from '../helpers/corpus.js'

testRule('id-mismatch', {
  valid: [{name: 'id equals the file name', files: {'claims/s/nagy-executed.md': validClaim('nagy-executed')}}],
  invalid: [
    {
      name: 'id differs from the file name',
      files: {'claims/s/nagy-executed.md': validClaim('nagy-hanged')},
      errors: ['claims/s/nagy-executed.md:2:5: Unexpected id `nagy-hanged`, expected `nagy-executed` (the file name without `.md`)']
    }
  ]
})
