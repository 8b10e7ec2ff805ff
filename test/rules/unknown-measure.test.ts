import {testRule} from '../helpers/rule-tester.js'
import {validClaim} from '../helpers/corpus.js'

const f = 'claims/s/a.md'
const withMeasure = (measure: string) => validClaim('a', `figures:\n  - measure: ${measure}\n    value: 2500`)

testRule('unknown-measure', {
  valid: [
    {name: 'a measure of the registry', files: {[f]: withMeasure('deaths-hungarian-1956')}},
    {name: 'a claim without figures', files: {[f]: validClaim('a')}},
    {name: 'measure ids are not claim ids', files: {[f]: withMeasure('date-revolution-outbreak'), 'claims/s/deaths.md': validClaim('deaths')}}
  ],
  invalid: [
    {
      name: 'a typo, with the closest id',
      files: {[f]: withMeasure('deaths-hungarain-1956')},
      errors: [`${f}:8:14: Unexpected unknown measure \`deaths-hungarain-1956\`, expected a measure id of \`measures.yaml\`; did you mean \`deaths-hungarian-1956\`?`]
    },
    {
      name: 'nothing near',
      files: {[f]: withMeasure('tanks')},
      errors: [`${f}:8:14: Unexpected unknown measure \`tanks\`, expected a measure id of \`measures.yaml\``]
    },
    {
      name: 'a name of Object.prototype is no measure',
      files: {[f]: withMeasure('constructor')},
      errors: [`${f}:8:14: Unexpected unknown measure \`constructor\`, expected a measure id of \`measures.yaml\``]
    },
    {
      name: 'each figure of a claim',
      files: {[f]: validClaim('a', 'figures:\n  - measure: x\n    value: 1\n  - measure: deaths-hungarian-1956\n    value: 2\n  - measure: y\n    value: 3')},
      errors: [
        `${f}:8:14: Unexpected unknown measure \`x\`, expected a measure id of \`measures.yaml\``,
        `${f}:12:14: Unexpected unknown measure \`y\`, expected a measure id of \`measures.yaml\``
      ]
    },
    {
      name: 'no measures.yaml at all',
      files: {'measures.yaml': null, [f]: withMeasure('deaths-hungarian-1956')},
      errors: [`${f}:8:14: Unexpected unknown measure \`deaths-hungarian-1956\`, expected a measure id, but \`measures.yaml\` is missing`]
    }
  ]
})
