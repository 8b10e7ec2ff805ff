import {testRule} from '../helpers/rule-tester.js'
import {claim, validClaim} from '../helpers/corpus.js'

const f = 'claims/s/a.md'

testRule('uncited', {
  valid: [
    {name: 'a cited claim', files: {[f]: validClaim('a')}},
    {name: 'a draft without sources', files: {[f]: claim('id: a\nstatus: draft\nsources: []')}}
  ],
  invalid: [
    {name: 'empty sources, at the sources key', files: {[f]: claim('id: a\nstatus: unverified\nsources: []')}, errors: [`${f}:4:1: Unexpected claim without sources, expected at least one citation (or \`status: draft\` instead of \`unverified\`)`]},
    {name: 'no sources key, at line 1', files: {[f]: claim('id: a\nstatus: verified')}, errors: [`${f}:1:1: Unexpected claim without sources, expected at least one citation (or \`status: draft\` instead of \`verified\`)`]}
  ]
})
