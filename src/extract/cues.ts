/**
 * Word lists the attribution rules share. Each list is what news English uses for one job;
 * they are here rather than in a model because the rules must be explainable to the reviewer.
 */

/** Verbs that report speech or a stated view: "he said", "Miao warns that", "she believes". */
export const SPEECH_VERBS = [
  'said',
  'says',
  'say',
  'told',
  'tells',
  'added',
  'adds',
  'declared',
  'declares',
  'concluded',
  'concludes',
  'noted',
  'notes',
  'warned',
  'warns',
  'explained',
  'explains',
  'stressed',
  'stresses',
  'emphasized',
  'emphasizes',
  'emphasised',
  'emphasises',
  'argued',
  'argues',
  'insisted',
  'insists',
  'asked',
  'replied',
  'recalled',
  'remarked',
  'observed',
  'wrote',
  'writes',
  'claimed',
  'claims',
  'predicted',
  'predicts',
  'believes',
  'believed',
  'thinks',
  'admitted',
  'acknowledged',
  'conceded',
  'stated',
  'states',
  'announced',
  'announces',
  'cautioned',
  'cautions',
  'urged',
  'urges',
  'suggested',
  'suggests',
  'maintained',
  'commented',
  'unveiled',
  'reported',
  'reports',
  'estimated',
  'estimates',
  'expects',
  'expected',
  'forecast',
  'forecasts',
  'projected',
  'projects',
  'highlighted',
  // plural subjects: "Economists expect", "Analysts warn"
  'expect',
  'believe',
  'warn',
  'estimate',
  'predict',
  'argue',
  'highlights',
  'pointed out',
  'points out',
  'continued',
  'confirmed',
  'confirms',
  'revealed',
  'reveals',
  'projected',
];

/** Participles that continue a report by the same speaker: ", adding that ...". */
export const SPEECH_PARTICIPLES = [
  'adding',
  'saying',
  'noting',
  'warning',
  'stressing',
  'arguing',
  'explaining',
  'insisting',
  'emphasizing',
  'emphasising',
  'claiming',
  'predicting',
  'suggesting',
  'pointing out',
  'cautioning',
  'acknowledging',
];

/** -ing words that start a modifier, not a clause of their own: "including", "according to". */
export const NON_CLAUSE_PARTICIPLES = [
  'including',
  'according',
  'excluding',
  'following',
  'during',
  'regarding',
  'concerning',
  'compared',
  'starting',
  'beginning',
  'ending',
];

function alternation(words: string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/ /g, '\\s+'))
    .join('|');
}

export const SPEECH_VERB_PATTERN = alternation(SPEECH_VERBS);
export const SPEECH_PARTICIPLE_PATTERN = alternation(SPEECH_PARTICIPLES);

/** Plural nouns for unnamed sources ("analysts said"): reported speech, but by nobody the draft can name. */
export const UNNAMED_SOURCES =
  /^(?:\p{Lu}[\p{L}-]*\s+)?(?:analysts|officials|experts|economists|organisers|organizers|residents|critics|observers|sources|researchers|authorities|investors|traders)$/iu;

/**
 * A speaker as a news text names one: a pronoun, a name of capitalised words (with particles
 * such as "de" and non-ASCII letters), or a short reference ("the ministry", "the analyst").
 */
export const SPEAKER_PATTERN =
  "(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|(?:\\p{Lu}[\\p{L}-]*\\s+)?(?:[Aa]nalysts|[Oo]fficials|[Ee]xperts|[Ee]conomists|organisers|organizers|residents|critics|observers|sources|[Rr]esearchers|authorities|investors|traders)(?:\\s+(?:at|from|with)\\s+\\p{Lu}[\\p{L}&'’-]*(?:\\s+\\p{Lu}[\\p{L}&'’-]*){0,4})?|(?:[Tt]he\\s+)?(?:(?:de|van|von|da|di|du|le|la|del)\\s+)?(?:\\p{Lu}[\\p{L}'’.-]*)(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|de|da|van|von|bin|al|of|for|and|the)){0,8}(?<!\\s(?:of|for|and|the))|(?:[Tt]he|[Ii]ts|[Tt]heir)\\s+(?:[a-z'’-]+\\s+){0,2}[a-z-]+)";
