import {testRule} from '../helpers/rule-tester.js'
import {validClaim} from '../helpers/corpus.js'

const f = 'claims/s/a.md'

testRule('body-citation', {
  valid: [
    {name: 'a body key listed in sources', files: {[f]: validClaim('a', '', 'Rákosi ruled [see @lendvai2008, p. 12].')}},
    {name: 'an e-mail address is not a citation', files: {[f]: validClaim('a', '', 'Write to editor@holland2025.org.')}}
  ],
  invalid: [
    {
      name: 'a key cited in the body only',
      files: {[f]: validClaim('a', '', 'Rákosi ruled [@lendvai2008, p. 12; @holland2025, para. 5].')},
      errors: [`${f}:8:36: Unexpected body citation \`@holland2025\` that is not in \`sources\`, expected it listed there too`]
    },
    {
      name: 'an author-in-text citation',
      files: {[f]: validClaim('a', '', '@time1956 reported the rising.')},
      errors: [`${f}:8:1: Unexpected body citation \`@time1956\` that is not in \`sources\`, expected it listed there too`]
    }
  ]
})
