import {testRule} from '../helpers/rule-tester.js'
import {claim, validClaim} from '../helpers/corpus.js'

const f = 'claims/s/a.md'

testRule('unknown-source', {
  valid: [{name: 'known keys', files: {[f]: validClaim('a', '', 'Rákosi ruled [@lendvai2008, p. 12].')}}],
  invalid: [
    {
      name: 'a near key gets a suggestion',
      files: {[f]: claim('id: a\nstatus: unverified\nsources:\n  - key: lendvai2009\n    locator: "p. 3"')},
      errors: [`${f}:5:10: Unexpected unknown source \`lendvai2009\`, expected a key of \`bibliography.bib\`; did you mean \`lendvai2008\`?`]
    },
    {
      name: 'a far key gets none',
      files: {[f]: claim('id: a\nstatus: unverified\nsources:\n  - nonexistentwork')},
      errors: [`${f}:5:5: Unexpected unknown source \`nonexistentwork\`, expected a key of \`bibliography.bib\``]
    },
    {
      name: 'a body citation of a missing key (and no body-citation finding)',
      files: {[f]: validClaim('a', '', 'Rákosi ruled [@gati2006, p. 5].')},
      errors: [`${f}:8:15: Unexpected unknown source \`gati2006\`, expected a key of \`bibliography.bib\``]
    }
  ]
})
