/**
 * The registry of rules: an explicit object, not a side effect of imports. The key is
 * the rule id of the contract and the name of the rule's file.
 */
import {accordingToWhom} from './according-to-whom.js'
import {betterSourceNeeded} from './better-source-needed.js'
import {bibliography} from './bibliography.js'
import {bodyCitation} from './body-citation.js'
import {conflictingFigures} from './conflicting-figures.js'
import type {Rule} from './create-rule.js'
import {duplicateId} from './duplicate-id.js'
import {figureText} from './figure-text.js'
import {frontmatter} from './frontmatter.js'
import {idMismatch} from './id-mismatch.js'
import {locatorNeeded} from './locator-needed.js'
import {quoteNeedsLocator} from './quote-needs-locator.js'
import {relation} from './relation.js'
import {schema} from './schema.js'
import {uncited} from './uncited.js'
import {undeclaredFigure} from './undeclared-figure.js'
import {unknownMeasure} from './unknown-measure.js'
import {unknownSource} from './unknown-source.js'
import {unusedSource} from './unused-source.js'

// Options types differ per rule; the registry holds them behind the common shape.
type AnyRule = Rule<any> // eslint-disable-line @typescript-eslint/no-explicit-any -- heterogeneous options, checked by each rule's schema

export const rules = {
  frontmatter,
  schema,
  'id-mismatch': idMismatch,
  'duplicate-id': duplicateId,
  uncited,
  'unknown-source': unknownSource,
  'body-citation': bodyCitation,
  'locator-needed': locatorNeeded,
  'unknown-measure': unknownMeasure,
  'figure-text': figureText,
  'undeclared-figure': undeclaredFigure,
  'conflicting-figures': conflictingFigures,
  relation,
  'unused-source': unusedSource,
  bibliography,
  'better-source-needed': betterSourceNeeded,
  'quote-needs-locator': quoteNeedsLocator,
  'according-to-whom': accordingToWhom
} satisfies Record<string, AnyRule>

export type RuleId = keyof typeof rules
export const ruleIds = Object.keys(rules) as RuleId[]
export const ruleList: AnyRule[] = Object.values(rules)
export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(rules, id)
}
