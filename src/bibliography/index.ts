/** The bibliography adapter: read `bibliography.bib`, check what each type needs, convert to CSL-JSON. */
export {readBibliography} from './read.js'
export type {Bibliography, ReadBibliographyOptions} from './read.js'
export {
  availableFields,
  canonicalType,
  isEdtfDateOrRange,
  isKnownType,
  longWorkTypes,
  requiredFieldProblems,
  tierOf,
  tierProblems,
  tierWords
} from './requirements.js'
export type {BibProblem, BibProblemKind, RequirementOptions} from './requirements.js'
export {toCsl} from './csl.js'
export type {CslConversion, CslItem} from './csl.js'
