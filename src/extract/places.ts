/**
 * Places: compromise's place names, checked against a small gazetteer of countries (for the
 * ISO code and to know a country from a city) and of world regions. A place compromise calls
 * a city or region and the gazetteer does not know keeps compromise's kind, with a review note.
 */
import type { EntityBook } from './entities';
import type { NameMention } from './names';
import type { PlaceDraft, Span } from './types';

const COUNTRIES: Record<string, string> = {
  China: 'CN',
  India: 'IN',
  Japan: 'JP',
  'South Korea': 'KR',
  'North Korea': 'KP',
  Indonesia: 'ID',
  Vietnam: 'VN',
  Thailand: 'TH',
  Malaysia: 'MY',
  Singapore: 'SG',
  Philippines: 'PH',
  Pakistan: 'PK',
  Bangladesh: 'BD',
  Australia: 'AU',
  'New Zealand': 'NZ',
  'United States': 'US',
  'United Kingdom': 'GB',
  Britain: 'GB',
  Canada: 'CA',
  Mexico: 'MX',
  Brazil: 'BR',
  Argentina: 'AR',
  Chile: 'CL',
  Colombia: 'CO',
  Peru: 'PE',
  Germany: 'DE',
  France: 'FR',
  Italy: 'IT',
  Spain: 'ES',
  Portugal: 'PT',
  Netherlands: 'NL',
  Belgium: 'BE',
  Switzerland: 'CH',
  Austria: 'AT',
  Poland: 'PL',
  Sweden: 'SE',
  Norway: 'NO',
  Denmark: 'DK',
  Finland: 'FI',
  Iceland: 'IS',
  Ireland: 'IE',
  Greece: 'GR',
  Turkey: 'TR',
  Türkiye: 'TR',
  Russia: 'RU',
  Ukraine: 'UA',
  Israel: 'IL',
  Iran: 'IR',
  Iraq: 'IQ',
  'Saudi Arabia': 'SA',
  'United Arab Emirates': 'AE',
  Egypt: 'EG',
  Nigeria: 'NG',
  Kenya: 'KE',
  Ethiopia: 'ET',
  'South Africa': 'ZA',
  Morocco: 'MA',
  Hungary: 'HU',
  'Czech Republic': 'CZ',
  Romania: 'RO',
  Kazakhstan: 'KZ',
};

/** Other names of gazetteer countries, as news texts write them. */
const COUNTRY_ALIASES: Record<string, string> = {
  US: 'United States',
  'U.S.': 'United States',
  USA: 'United States',
  America: 'United States',
  UK: 'United Kingdom',
  'U.K.': 'United Kingdom',
  'the Netherlands': 'Netherlands',
  'the Philippines': 'Philippines',
};

const REGIONS = [
  'Europe',
  'Asia',
  'Africa',
  'Latin America',
  'Middle East',
  'Southeast Asia',
  'North America',
  'South America',
  'Scandinavia',
  'the Nordic region',
];

/** Adds a place mention to the book: a gazetteer country, a region, or what compromise says. */
export function addPlace(book: EntityBook, mention: NameMention): PlaceDraft | undefined {
  // A dateline writes the place in capitals ("SHANGHAI, April 2"); the place's name is "Shanghai".
  const written =
    /^\p{Lu}{3,}$/u.test(mention.text) && !COUNTRY_ALIASES[mention.text]
      ? mention.text.charAt(0) + mention.text.slice(1).toLowerCase()
      : mention.text;
  const name = COUNTRY_ALIASES[written] ?? written.replace(/^the\s+/i, '');
  const span: Span = { start: mention.start, end: mention.end };
  const iso = COUNTRIES[name];
  if (iso) return book.addPlace(name, 'country', span, iso);
  if (REGIONS.includes(name)) return book.addPlace(name, 'region', span);
  const kind = mention.tag === 'City' ? 'city' : mention.tag === 'Country' ? 'country' : 'region';
  return book.addPlace(name, kind, span);
}

/** Gazetteer countries compromise missed (it knows most; abbreviations such as "US" it does not). */
export function gazetteerMentions(text: string, body: Span): NameMention[] {
  const names = [...Object.keys(COUNTRIES), ...Object.keys(COUNTRY_ALIASES), ...REGIONS];
  const pattern = new RegExp(
    // "US dollars" names a currency, not the country.
    `(?<![\\p{L}])(?:${names.map((n) => n.replace(/[.]/g, '\\.')).join('|')})(?![\\p{L}])(?!\\s+dollars)`,
    'gu',
  );
  const found: NameMention[] = [];
  const slice = text.slice(body.start, body.end);
  for (const match of slice.matchAll(pattern)) {
    const start = body.start + (match.index ?? 0);
    found.push({ text: match[0], start, end: start + match[0].length, tag: 'Country' });
  }
  return found;
}
