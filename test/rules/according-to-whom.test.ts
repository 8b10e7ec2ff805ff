import {testRule} from '../helpers/rule-tester.js'
import {validClaim} from '../helpers/corpus.js'

const f = 'claims/s/a.md'
const body = (text: string) => ({[f]: validClaim('a', '', text)})

testRule('according-to-whom', {
  valid: [
    {name: 'a named historian', files: body('Lendvai believes the toll was higher.')},
    {name: 'an organisation', files: body('The UN Special Committee said the intervention was illegal.')},
    {name: 'inside a quotation', files: body('The survivor said “historians believe nothing”.')},
    {name: 'historians as an object', files: body('The archive serves historians.')}
  ],
  invalid: [
    {name: 'historians believe', files: body('Historians believe the toll was higher.'), errors: [`${f}:8:1: Unexpected attribution to unnamed people (\`Historians believe\`), expected who says it: a named person, institution or source`]},
    {name: 'witnesses say', files: body('The toll, witnesses say, was higher.'), errors: [`${f}:8:11: Unexpected attribution to unnamed people (\`witnesses say\`), expected who says it: a named person, institution or source`]},
    {name: 'it is believed', files: body('It is believed that thousands died.'), errors: [`${f}:8:1: Unexpected attribution to unnamed people (\`It is believed\`), expected who says it: a named person, institution or source`]},
    {name: 'many observers claimed', files: body('Many observers claimed the worst.'), errors: [`${f}:8:1: Unexpected attribution to unnamed people (\`Many observers claimed\`), expected who says it: a named person, institution or source`]},
    {
      name: 'a configured phrase, matched whatever its case',
      files: {...body('The Toll, As Rumour Has It, was higher.'), 'factlint.config.json': '{"rules": {"according-to-whom": ["warning", {"phrases": ["as rumour has it"]}]}}'},
      errors: [`${f}:8:11: Unexpected attribution to unnamed people (\`As Rumour Has It\`), expected who says it: a named person, institution or source`]
    },
    {
      // No verbs: a group before any word is flagged, and no shortcut may skip the text.
      name: 'groups without verbs',
      files: {...body('Historians differ.'), 'factlint.config.json': '{"rules": {"according-to-whom": ["warning", {"groups": ["historians"], "verbs": [], "phrases": ["it is said"]}]}}'},
      errors: [`${f}:8:1: Unexpected attribution to unnamed people (\`Historians \`), expected who says it: a named person, institution or source`]
    }
  ]
})
