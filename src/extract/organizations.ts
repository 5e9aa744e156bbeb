/**
 * Organisations: runs of capitalised words that contain a word naming a kind of body
 * ("Ministry", "Committee", "Bank", "Association"), with an acronym in brackets after them
 * as another name ("National Bureau of Statistics (NBS)"). compromise's organisation tagger
 * was tried first and dropped: on news text it returned fragments such as "Statement & Cookie".
 */
import type { Span } from './types';

/** Head words and the kind of body each names (the format's free-text `kind`). */
const HEADS: Record<string, string> = {
  Ministry: 'ministry',
  Committee: 'committee',
  Commission: 'commission',
  Bureau: 'bureau',
  Office: 'office',
  Department: 'department',
  Agency: 'agency',
  Association: 'association',
  Federation: 'federation',
  Council: 'council',
  Institute: 'research institute',
  University: 'university',
  Bank: 'bank',
  Fund: 'fund',
  Group: 'company',
  Company: 'company',
  Corporation: 'company',
  Corp: 'company',
  Inc: 'company',
  Ltd: 'company',
  Motors: 'company',
  Authority: 'authority',
  Administration: 'administration',
  Parliament: 'parliament',
  Party: 'political party',
  Union: 'union',
  Organization: 'organization',
  Organisation: 'organization',
  Forum: 'forum',
  Centre: 'centre',
  Center: 'centre',
  Academy: 'academy',
  Society: 'society',
  Board: 'board',
  Exchange: 'exchange',
  Statistics: 'statistics office',
  Conference: 'conference',
  Network: 'network',
  Observatory: 'research institute',
  Securities: 'company',
  Capital: 'company',
  Semiconductor: 'company',
  Holdings: 'company',
  Partners: 'company',
  Technologies: 'company',
  Industries: 'company',
  Airlines: 'company',
  Foundation: 'foundation',
  Alliance: 'alliance',
  Chamber: 'chamber',
};

export interface OrganizationMention extends Span {
  name: string;
  acronym?: string;
  kind: string;
}

const NAME_RUN =
  /(?<![\p{L}])(?:[A-Z][\p{L}'’&.-]*|[A-Z]{2,})(?:\s+(?:(?:of|for|on|and|the|de|du|des|di|für)\s+)*(?:[A-Z][\p{L}'’&.-]*|[A-Z]{2,}))*/gu;

/** The kind of body a name names, from its last head word ("... National Committee" is a committee). */
export function organizationKind(name: string): string | undefined {
  const words = name.split(/\s+/).reverse();
  for (const word of words) {
    const kind = HEADS[word.replace(/[.,]$/, '')];
    if (kind) return kind;
  }
  return undefined;
}

const DATE_WORDS =
  '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)';

function clean(name: string): string {
  return name
    .replace(new RegExp(`\\s+(?:on|in|of|for)\\s+${DATE_WORDS}\\b.*$`), '') // "Customs on Thursday"
    .replace(/[.]$/, '')
    .replace(/^(?:The|In|At|From|By|For|With|And|But|On|As)\s+/, '')
    .replace(/['’]s$/, '')
    .replace(/\s+(?:of|for|on|and|the)$/, '');
}

export function findOrganizations(text: string, paragraphs: Span[]): OrganizationMention[] {
  const found: OrganizationMention[] = [];
  for (const paragraph of paragraphs) {
    const slice = text.slice(paragraph.start, paragraph.end);
    for (const match of slice.matchAll(NAME_RUN)) {
      const name = clean(match[0]);
      const kind = organizationKind(name);
      if (!kind || name.split(/\s+/).length < 2) continue;
      const start = paragraph.start + (match.index ?? 0) + match[0].indexOf(name);
      const end = start + name.length;
      const acronym = /^\s*\(([A-Z][A-Za-z]{1,7})\)/.exec(text.slice(end, end + 12))?.[1];
      found.push({ start, end, name, acronym, kind });
    }
  }
  return found;
}

/** Later mentions of a known acronym or name: "NBS said", "CGTN". */
export function findShortMentions(text: string, paragraphs: Span[], names: string[]): Span[] {
  if (names.length === 0) return [];
  const pattern = new RegExp(
    `(?<![\\p{L}])(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}])`,
    'gu',
  );
  return paragraphs.flatMap((paragraph) =>
    [...text.slice(paragraph.start, paragraph.end).matchAll(pattern)].map((match) => ({
      start: paragraph.start + (match.index ?? 0),
      end: paragraph.start + (match.index ?? 0) + match[0].length,
    })),
  );
}
