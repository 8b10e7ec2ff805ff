import {testRule} from '../helpers/rule-tester.js'
import {claim} from '../helpers/corpus.js'

const f = 'claims/s/a.md'

testRule('better-source-needed', {
  valid: [
    {name: 'a popular source beside a scholarly one', files: {[f]: claim('id: a\nstatus: unverified\nsources:\n  - key: holland2025\n    locator: "para. 3"\n  - key: lendvai2008\n    locator: "p. 3"')}},
    {name: 'a draft', files: {[f]: claim('id: a\nstatus: draft\nsources:\n  - holland2025')}}
  ],
  invalid: [
    {
      name: 'only a popular source',
      files: {[f]: claim('id: a\nstatus: unverified\nsources:\n  - key: holland2025\n    locator: "para. 3"')},
      errors: [`${f}:4:1: Unexpected claim resting only on \`holland2025\` (popular), expected a primary, scholarly, reference or press source`]
    }
  ]
})
