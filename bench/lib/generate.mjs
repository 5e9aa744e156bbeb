// Deterministic data generator scaling the article's model (see docs/model.md).
// Every node id and sourceId starts with `bench-`, so `npm run bench:clean` can remove them
// without touching the seeded article. Same size => byte-identical data (seeded PRNG, no clock).
import { createHash } from 'node:crypto';

export const SIZES = {
  small: { sources: 100 },
  medium: { sources: 10_000 },
  large: { sources: 100_000 },
};
export const CLAIMS_PER_SOURCE = 10;
export const FIGURES_PER_SOURCE = 2;
export const PREFIX = 'bench-';

/** mulberry32: a tiny, fast, seedable PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

const pad = (n, width = 6) => String(n).padStart(width, '0');
const FIRST = [
  'Ana',
  'Bo',
  'Chen',
  'Dara',
  'Eli',
  'Femi',
  'Gita',
  'Hugo',
  'Ines',
  'Jun',
  'Kofi',
  'Lena',
  'Mei',
  'Nils',
];
const LAST = ['Okafor', 'Petrov', 'Quist', 'Rossi', 'Sato', 'Tan', 'Ueda', 'Vidal', 'Weber', 'Xu', 'Yilmaz', 'Zhou'];
const TITLES = ['Minister', 'Analyst', 'Director', 'Professor', 'Economist', 'Chief engineer', 'Spokesperson'];
const NOUNS = ['battery', 'charging', 'solar', 'export', 'grid', 'steel', 'wind', 'hydrogen', 'transit', 'rail'];
const UNITS = ['percent', 'million units', 'GW', 'billion yuan', 'thousand stations'];
const KINDS = ['statistic', 'forecast', 'opinion', 'recommendation', 'causal', 'assessment'];
const ATTRIBUTIONS = ['direct-quote', 'paraphrase', 'narration'];
const VERBS = ['said', 'stated', 'reported', 'argued', 'estimated', 'noted'];

/** A letters-only "codename" token: Lucene keeps it whole, and no entity name contains one. */
export function codename(i) {
  let s = '';
  let n = i;
  for (let k = 0; k < 5; k += 1) {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return `zq${s}`;
}

/** Claims per codename: a search for one matches about this many claims. */
export const CLAIMS_PER_CODENAME = 8;

export function shapeOf(size) {
  const spec = SIZES[size];
  if (!spec) throw new Error(`unknown size "${size}" (small, medium, large)`);
  const sources = spec.sources;
  const claims = sources * CLAIMS_PER_SOURCE;
  return {
    size,
    sources,
    claims,
    figures: sources * FIGURES_PER_SOURCE,
    places: 30,
    organizations: Math.max(20, Math.round(claims / 500)),
    people: Math.max(50, Math.round(claims / 50)),
    metrics: Math.max(20, Math.round(claims / 250)),
    topics: 60,
    targets: Math.max(5, Math.round(claims / 1000)),
    codenames: Math.ceil(claims / CLAIMS_PER_CODENAME),
  };
}

const placeRows = (shape) =>
  Array.from({ length: shape.places }, (_, i) => ({
    id: `${PREFIX}place-${pad(i, 3)}`,
    name: `Benchland ${i}`,
    kind: i === 0 ? 'world' : 'country',
    isoCode: i === 0 ? null : `B${pad(i, 2)}`,
    sameAs: [],
  }));

/** Every tenth organization is part of the first one; each is based in one of the countries. */
const organizationRows = (shape, places) =>
  Array.from({ length: shape.organizations }, (_, i) => ({
    id: `${PREFIX}org-${pad(i, 5)}`,
    name: `Bench Media ${i}`,
    fullName: `Bench Media Group number ${i}`,
    kind: i % 3 === 0 ? 'broadcaster' : i % 3 === 1 ? 'ministry' : 'company',
    partOfId: i > 0 && i % 10 === 0 ? `${PREFIX}org-${pad(0, 5)}` : null,
    countryId: places[1 + (i % (shape.places - 1))].id,
    sameAs: [],
  }));

/** People with random names, then one role each at an organization (one in four a former one). */
function peopleAndRoles(shape, organizations) {
  const r = rng(0x5eed);
  const people = Array.from({ length: shape.people }, (_, i) => ({
    id: `${PREFIX}person-${pad(i)}`,
    name: `${r.pick(FIRST)} ${r.pick(LAST)} ${i}`,
    description: `Generated person ${i}`,
    sameAs: [],
  }));
  const roles = people.map((person, i) => {
    const title = r.pick(TITLES);
    const organization = organizations[i % organizations.length];
    return {
      id: `${PREFIX}role-${pad(i)}`,
      name: `${title}, ${organization.name}`,
      title,
      status: i % 4 === 0 ? 'former' : 'current',
      from: `${2000 + (i % 20)}-01-01`,
      to: i % 4 === 0 ? '2022-12-31' : null,
      personId: person.id,
      organizationId: organization.id,
    };
  });
  return { people, roles };
}

/** Ten top-level topics; each of the others is narrower than one of them. */
const topicRows = (shape) =>
  Array.from({ length: shape.topics }, (_, i) => ({
    id: `${PREFIX}topic-${pad(i, 3)}`,
    name: `Bench topic ${NOUNS[i % NOUNS.length]} ${i}`,
    description: null,
    broaderId: i >= 10 ? `${PREFIX}topic-${pad(i % 10, 3)}` : null,
    includedIds: [],
  }));

const metricRows = (shape, places) =>
  Array.from({ length: shape.metrics }, (_, i) => ({
    id: `${PREFIX}metric-${pad(i, 5)}`,
    name: `Bench ${NOUNS[i % NOUNS.length]} indicator ${i}`,
    description: `Generated metric ${i}`,
    unit: UNITS[i % UNITS.length],
    placeId: places[i % shape.places].id,
  }));

/** Targets on the metrics, each set by the place the metric measures. */
const targetRows = (shape, metrics) =>
  Array.from({ length: shape.targets }, (_, i) => {
    const metric = metrics[i % metrics.length];
    return {
      id: `${PREFIX}target-${pad(i, 5)}`,
      name: `${metric.name} over ${10 + (i % 80)} ${metric.unit} by ${2030 + (i % 10)}`,
      comparator: 'gt',
      threshold: 10 + (i % 80),
      unit: metric.unit,
      deadlineLabel: String(2030 + (i % 10)),
      deadline: `${2030 + (i % 10)}-12-31`,
      metricId: metric.id,
      placeId: metric.placeId,
      setById: metric.placeId,
    };
  });

/** Shared entities (places, organizations, people, roles, topics, metrics, targets). */
export function sharedEntities(shape) {
  const places = placeRows(shape);
  const organizations = organizationRows(shape, places);
  const metrics = metricRows(shape, places);
  return {
    places,
    organizations,
    ...peopleAndRoles(shape, organizations),
    topics: topicRows(shape),
    metrics,
    targets: targetRows(shape, metrics),
  };
}

/** The figures a source reports: FIGURES_PER_SOURCE of random metrics and years. */
function sourceFigures(shared, index, r) {
  return Array.from({ length: FIGURES_PER_SOURCE }, (_, k) => {
    const metric = shared.metrics[r.int(shared.metrics.length)];
    const year = 2000 + r.int(30);
    return { id: `${PREFIX}figure-${pad(index)}-${k}`, metric, value: Math.round(r.next() * 10000) / 10, year };
  });
}

/**
 * What each claim says: a speaker, the figure it cites (the first claims cite one figure each, the
 * others sometimes), a metric, and a sentence with a codename for search to find.
 */
function claimSentences(shape, shared, index, figures, r) {
  return Array.from({ length: CLAIMS_PER_SOURCE }, (_, k) => {
    const person = shared.people[r.int(shared.people.length)];
    const figure = k < FIGURES_PER_SOURCE ? figures[k] : r.next() < 0.3 ? r.pick(figures) : null;
    const metric = figure ? figure.metric : shared.metrics[r.int(shared.metrics.length)];
    const word = codename((index * CLAIMS_PER_SOURCE + k) % shape.codenames);
    const sentence = figure
      ? `${person.name} ${r.pick(VERBS)} that ${metric.name} reached ${figure.value} ${metric.unit} in ${figure.year}, a ${word} result.`
      : `${person.name} ${r.pick(VERBS)} that ${metric.name} will keep rising because of ${r.pick(NOUNS)} policy, a ${word} trend.`;
    return { k, person, figure, metric, sentence };
  });
}

/** Claim rows, each quoting its sentence at its place in `text` (the sentences follow `bodyStart`). */
function claimRows({ specs, text, bodyStart, sourceId, shared, index }) {
  let offset = bodyStart;
  return specs.map(({ k, person, figure, metric, sentence }) => {
    const start = offset;
    offset += sentence.length + 1;
    const end = start + sentence.length;
    const targetIds = k === 3 && index % 5 === 0 ? [shared.targets[index % shared.targets.length].id] : [];
    return {
      id: `${PREFIX}claim-${pad(index)}-${pad(k, 2)}`,
      name: sentence.length > 60 ? `${sentence.slice(0, 59)}…` : sentence,
      text: sentence,
      kind: figure ? 'statistic' : KINDS[1 + (k % (KINDS.length - 1))],
      attribution: ATTRIBUTIONS[k % ATTRIBUTIONS.length],
      speakerId: person.id,
      roleId: `${PREFIX}role-${person.id.slice(`${PREFIX}person-`.length)}`,
      sourceId,
      figureIds: figure ? [figure.id] : [],
      metricIds: [metric.id],
      targetIds,
      projectionIds: [],
      topicIds: [shared.topics[(index + k) % shared.topics.length].id],
      causeIds: [],
      effectIds: [],
      quote: sentence,
      quoteStart: start,
      quoteEnd: end,
      quotePrefix: text.slice(Math.max(0, start - 32), start),
      quoteSuffix: text.slice(end, end + 32),
    };
  });
}

/** Figure rows; figure k is quoted by the sentence of claim k, which cites it. */
function figureRows(figures, claims, sourceId) {
  return figures.map((f, k) => {
    const claim = claims[k];
    return {
      id: f.id,
      name: `${f.value} ${f.metric.unit} (${f.year})`,
      value: f.value,
      unit: f.metric.unit,
      qualifier: 'exact',
      periodLabel: String(f.year),
      periodStart: `${f.year}-01-01`,
      periodEnd: `${f.year}-12-31`,
      periodExpression: String(f.year),
      periodRelative: false,
      periodWords: null,
      metricId: f.metric.id,
      placeId: f.metric.placeId,
      sourceId,
      quote: claim.quote,
      quoteStart: claim.quoteStart,
      quoteEnd: claim.quoteEnd,
      quotePrefix: claim.quotePrefix,
      quoteSuffix: claim.quoteSuffix,
    };
  });
}

/** About 30% of the later claims support the first one and 10% contradict it. */
function evidenceLinks(claims, r) {
  const evidence = [];
  for (let k = 1; k < CLAIMS_PER_SOURCE; k += 1) {
    const roll = r.next();
    if (roll < 0.3) evidence.push({ fromId: claims[k].id, toId: claims[0].id, stance: 'SUPPORTS' });
    else if (roll < 0.4) evidence.push({ fromId: claims[k].id, toId: claims[0].id, stance: 'CONTRADICTS' });
  }
  return evidence;
}

/** One review per 20 claims overall, published the year after the source. */
function reviewRows(claims, index, year) {
  return claims
    .filter((_, k) => (index * CLAIMS_PER_SOURCE + k) % 20 === 0)
    .map((claim, n) => ({
      id: `${PREFIX}review-${claim.id.slice(`${PREFIX}claim-`.length)}`,
      claimId: claim.id,
      rating: 1 + ((index + n) % 5),
      ratingLabel: ['False', 'Mostly false', 'Mixed', 'Mostly true', 'True'][(index + n) % 5],
      reviewer: 'bench-reviewer',
      explanation: `Generated review of ${claim.id}`,
      url: `https://example.org/reviews/${claim.id}`,
      datePublished: `${year + 1}-01-15`,
    }));
}

/**
 * The shared entities the source's claims reference, as ingestion expects them beside the claims:
 * speakers with their roles and organizations, metrics (also those of targets), targets, and topics
 * with the broader topics above them.
 */
function referencedEntities(shared, claims, publisher) {
  const usedPeople = new Set(claims.map((c) => c.speakerId));
  const people = shared.people.filter((p) => usedPeople.has(p.id));
  const roles = shared.roles.filter((role) => usedPeople.has(role.personId));
  const metricIds = new Set(claims.flatMap((c) => c.metricIds));
  const metrics = shared.metrics.filter((m) => metricIds.has(m.id));
  const targetIds = new Set(claims.flatMap((c) => c.targetIds));
  const targets = shared.targets.filter((t) => targetIds.has(t.id));
  for (const t of targets)
    if (!metrics.some((m) => m.id === t.metricId)) metrics.push(shared.metrics.find((m) => m.id === t.metricId));
  const topicIds = new Set(claims.flatMap((c) => c.topicIds));
  const topics = shared.topics.filter(
    (t) =>
      topicIds.has(t.id) ||
      (t.broaderId === null && shared.topics.some((u) => topicIds.has(u.id) && u.broaderId === t.id)),
  );
  const orgIds = new Set([publisher.id, ...roles.map((role) => role.organizationId)]);
  const organizations = shared.organizations.filter((o) => orgIds.has(o.id) || o.id === `${PREFIX}org-${pad(0, 5)}`);
  return { organizations, people, roles, topics, metrics, targets };
}

/**
 * The graph of source number `index` in the SourceGraph shape of src/ingest/source-graph.ts, so
 * the same data can go through the normal ingestion path. `shared` lists the entities it references.
 * The order of the random draws is part of the data: same index, same graph.
 */
export function sourceGraph(shape, shared, index) {
  const r = rng(0xc1a1 + index * 7919);
  const sourceId = `${PREFIX}source-${pad(index)}`;
  const publisher = shared.organizations[index % shared.organizations.length];
  const year = 2015 + (index % 10);
  const title = `Bench report ${index}: ${r.pick(NOUNS)} and ${r.pick(NOUNS)} outlook`;
  const figures = sourceFigures(shared, index, r);
  const specs = claimSentences(shape, shared, index, figures, r);
  const header = `${title}\n\n`;
  const text = header + specs.map(({ sentence }) => sentence).join(' ');
  const claims = claimRows({ specs, text, bodyStart: header.length, sourceId, shared, index });
  const evidence = evidenceLinks(claims, r);
  const { organizations, people, roles, topics, metrics, targets } = referencedEntities(shared, claims, publisher);

  return {
    source: {
      id: sourceId,
      name: title,
      title,
      kind: 'article',
      url: `https://example.org/bench/${index}`,
      publishedDate: `${year}-${pad(1 + (index % 12), 2)}-${pad(1 + (index % 28), 2)}`,
      publishedDateSource: null,
      language: 'en',
      text,
      contentHash: createHash('sha256').update(text).digest('hex'),
      length: [...text].length,
      bodyStart: header.length,
      bodyEnd: text.length,
      publisherId: publisher.id,
      interviewerId: null,
      intervieweeIds: [],
      mentionIds: [],
    },
    places: shared.places,
    organizations,
    people,
    roles,
    virtualPresenters: [],
    topics,
    metrics,
    figures: figureRows(figures, claims, sourceId),
    targets,
    projections: [],
    claims,
    evidence,
    /** Not part of SourceGraph (reviews come from the API); the loaders write them separately. */
    reviews: reviewRows(claims, index, year),
  };
}
