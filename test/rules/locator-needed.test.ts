import {testRule} from '../helpers/rule-tester.js'
import {claim, validClaim} from '../helpers/corpus.js'

const f = 'claims/s/a.md'
const cite = (source: string, status = 'unverified', body = 'A claim.') => claim(`id: a\nstatus: ${status}\nsources:\n${source}`, body)

testRule('locator-needed', {
  valid: [
    {name: 'a book with a page', files: {[f]: validClaim('a')}},
    {name: 'a page range with an en dash', files: {[f]: cite('  - key: lendvai2008\n    locator: "pp. 12–14"')}},
    {name: 'a bare number is a page', files: {[f]: cite('  - key: lendvai2008\n    locator: "178"')}},
    {name: 'a short work needs no locator', files: {[f]: cite('  - key: time1956')}},
    {name: 'a locator in a body citation counts', files: {[f]: cite('  - key: lendvai2008\n    locator: unknown', 'unverified', 'Rákosi ruled [@lendvai2008, chap. 3].')}},
    {name: 'drafts are exempt', files: {[f]: cite('  - key: lendvai2008', 'draft')}}
  ],
  invalid: [
    {name: 'a book without locator', files: {[f]: cite('  - key: lendvai2008')}, errors: [`${f}:5:5: Missing locator for \`lendvai2008\` (a book), expected where in it, such as \`p. 178\``]},
    {name: 'a bare key', files: {[f]: cite('  - lendvai2008')}, errors: [`${f}:5:5: Missing locator for \`lendvai2008\` (a book), expected where in it, such as \`p. 178\``]},
    {
      name: 'locator unknown',
      files: {[f]: cite('  - key: lendvai2008\n    locator: unknown')},
      errors: [`${f}:6:14: Unexpected locator \`unknown\` for \`lendvai2008\` (a book): the page has not been verified yet`]
    },
    {
      name: 'an unknown label, on any work',
      files: {[f]: cite('  - key: time1956\n    locator: "folder 12"')},
      errors: [`${f}:6:14: Unexpected locator label \`folder\`, expected a CSL label such as \`act\`, \`app.\`, \`art.\`, \`bk.\`, \`can.\`, \`chap.\`, \`col.\`, \`doc.\``]
    }
  ]
})
