import {createRule} from './create-rule.js'
import {nextMatch} from '../pipeline/matches.js'
import {placeAt} from '../pipeline/positions.js'

/** Unnamed groups as the subject of saying or believing. */
const defaultGroups = [
  'historians', 'scholars', 'experts', 'witnesses', 'observers', 'critics', 'commentators', 'analysts',
  'sources', 'researchers', 'eyewitnesses', 'survivors', 'some', 'many', 'others'
]
const defaultVerbs = [
  'believe', 'believed', 'say', 'said', 'claim', 'claimed', 'argue', 'argued', 'think', 'thought', 'agree', 'agreed',
  'suggest', 'suggested', 'maintain', 'maintained', 'estimate', 'estimated', 'insist', 'insisted', 'contend',
  'contended', 'recall', 'recalled', 'assert', 'asserted'
]
/** Impersonal passives: "it is believed", "it was widely said". */
const defaultPhrases = [
  'it is believed', 'it is said', 'it is thought', 'it is claimed', 'it is widely believed', 'it is widely said',
  'it is widely thought', 'it was believed', 'it was said', 'it was thought', 'it was claimed', 'it is reported',
  'it is alleged', 'it has been said', 'it has been claimed', 'it has been suggested', 'some say', 'many believe'
]

export interface AccordingToWhomOptions {
  groups: string[]
  verbs: string[]
  phrases: string[]
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

interface Patterns {
  /** Every attribution. */
  pattern: RegExp
  /**
   * Any verb, or last word of a phrase, with the same flags: every attribution holds one,
   * so a text without any has none (and this simpler test is twice as fast).
   */
  sieve: RegExp
}

const patterns = new WeakMap<AccordingToWhomOptions, Patterns>()
function patternFor(options: AccordingToWhomOptions): Patterns {
  let pattern = patterns.get(options)
  if (!pattern) {
    const groups = options.groups.map(escape).join('|')
    const verbs = options.verbs.map(escape).join('|')
    const phrases = options.phrases.map((phrase) => escape(phrase).replace(/ /g, '\\s+')).join('|')
    // "(many|some)? (observers) (have)? (claimed)", allowing one adverb: "historians now believe".
    const groupSaying = `(?:(?:some|many|most|several|other)\\s+)?(?:${groups})(?:\\s+(?:have|had|now|still|widely|often|generally|also))?\\s+(?:${verbs})`
    const words = [...new Set([...options.verbs, ...options.phrases.map((phrase) => phrase.split(' ').at(-1) ?? phrase)])]
    pattern = {
      pattern: new RegExp(`\\b(?:${[groupSaying, phrases].filter(Boolean).join('|')})\\b`, 'giu'),
      // Without verbs a group before any word is an attribution: no sieve then.
      sieve: options.verbs.length > 0 ? new RegExp(words.map(escape).join('|'), 'iu') : /(?:)/
    }
    patterns.set(options, pattern)
  }
  return pattern
}

export const accordingToWhom = createRule<AccordingToWhomOptions>({
  id: 'according-to-whom',
  description: 'Attribution to unnamed people ("historians believe", "witnesses say", "it is believed")',
  defaultSeverity: 'warning',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      groups: {description: 'Unnamed groups that must not be the subject of saying or believing.', type: 'array', items: {type: 'string', minLength: 1}},
      verbs: {description: 'Verbs of saying or believing.', type: 'array', items: {type: 'string', minLength: 1}},
      phrases: {description: 'Whole phrases to flag, e.g. impersonal passives.', type: 'array', items: {type: 'string', minLength: 1}}
    }
  },
  defaultOptions: {groups: defaultGroups, verbs: defaultVerbs, phrases: defaultPhrases},
  checkClaim(claim, context) {
    const {pattern, sieve} = patternFor(context.options)
    // A quotation is the source's own words, not our attribution. The parse stage already
    // found every quotation of the body (file offsets).
    const quoted = claim.quotations.map((quotation) => [quotation.place.start.offset ?? 0, quotation.place.end?.offset ?? 0] as const)
    for (const run of claim.bodyText) {
      if (!sieve.test(run.value)) continue
      pattern.lastIndex = 0
      for (let match = nextMatch(pattern, run.value); match; match = nextMatch(pattern, run.value)) {
        const offset = run.offset + match.index
        if (quoted.some(([start, end]) => offset >= start && offset < end)) continue
        context.report({
          file: claim.path,
          reason: `Unexpected attribution to unnamed people (\`${match[0]}\`), expected who says it: a named person, institution or source`,
          place: placeAt(claim.lineStarts, offset, offset + match[0].length)
        })
      }
    }
  }
})
