import {testRule} from '../helpers/rule-tester.js'
import {validClaim} from '../helpers/corpus.js'

const f = 'claims/s/a.md'

testRule('frontmatter', {
  valid: [
    {name: 'a plain claim', files: {[f]: validClaim('a')}},
    {name: 'CRLF line ends', files: {[f]: validClaim('a').replace(/\n/g, '\r\n')}},
    {name: 'a byte order mark', files: {[f]: '\uFEFF' + validClaim('a')}}
  ],
  invalid: [
    {name: 'no frontmatter', files: {[f]: 'Just a sentence.\n'}, errors: [`${f}:1:1: Missing frontmatter, expected YAML between \`---\` lines at the start of the file`]},
    {name: 'empty file', files: {[f]: ''}, errors: [`${f}:1:1: Unexpected empty file, expected YAML frontmatter between \`---\` lines and a claim`]},
    {
      name: 'unterminated frontmatter',
      files: {[f]: '---\nid: a\nstatus: draft\nsources: []\nA body.\n'},
      errors: [`${f}:1:1: Unterminated frontmatter: \`---\` on line 1 is never closed by a \`---\` line`]
    },
    {
      name: '---js frontmatter is never executed',
      files: {[f]: '---js\n{ id: (() => { globalThis.pwned = true; return "a" })() }\n---\nBody.\n'},
      errors: [`${f}:1:1: Unexpected frontmatter language \`js\`, expected YAML (\`---\`); factlint never executes frontmatter`]
    },
    {
      name: 'YAML that does not parse',
      files: {[f]: '---\nid: a\nstatus: [draft\n---\nBody.\n'},
      errors: [`${f}:3:15: Invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`]
    },
    {
      name: 'duplicate keys',
      files: {[f]: '---\nid: a\nid: b\nstatus: draft\nsources: []\n---\nBody.\n'},
      errors: [`${f}:3:1: Unexpected duplicate key in YAML: Map keys must be unique`]
    },
    {
      name: 'an unknown tag',
      files: {[f]: '---\nid: !!js/function "function () {}"\nstatus: draft\nsources: []\n---\nBody.\n'},
      errors: [`${f}:2:5: Unexpected YAML tag: Unresolved tag: tag:yaml.org,2002:js/function (tags are never executed; use plain values)`]
    },
    {
      name: 'a YAML alias bomb stops at yaml\'s alias limit',
      files: {[f]: ['---', 'id: a', 'a0: &a0 [x, x, x, x, x, x, x, x, x]', ...Array.from({length: 11}, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`), '---', 'Body.', ''].join('\n')},
      errors: [`${f}:2:1: Cannot read YAML: Excessive alias count indicates a resource exhaustion attack`]
    },
    {
      name: 'a root that is a list',
      files: {[f]: '---\n- id: a\n---\nBody.\n'},
      errors: [`${f}:2:1: Unexpected frontmatter of type \`list\`, expected a mapping of fields (\`id: …\`)`]
    },
    {
      name: 'not UTF-8',
      files: {[f]: new Uint8Array([...Buffer.from('---\nid: caf'), 0xe9, ...Buffer.from('\n---\n')])},
      errors: [`${f}:2:8: Unexpected byte \`0xe9\` at byte offset 11, expected UTF-8 text`]
    },
    {
      name: 'a NUL byte',
      files: {[f]: '---\nid: a\u0000\n---\nBody.\n'},
      errors: [`${f}:2:6: Unexpected NUL byte, expected text`]
    },
    {
      name: 'a file over the size cap',
      files: {[f]: validClaim('a', '', 'x'.repeat(300 * 1024))},
      errors: [`${f}:1:1: Unexpected file size of 307285 bytes, expected at most 262144 (set \`maxFileSize\` in factlint.config.json to raise the cap)`]
    }
  ]
})
