import { Date as Neo4jDate, int } from 'neo4j-driver';

import { mapSource } from '../../../../src/modules/source/source.mapper';

const stored = {
  id: 'test-source-1',
  title: 'Interview: charging stations keep pace',
  kind: 'interview',
  url: 'https://news.example/interview',
  publishedDate: new Neo4jDate(2024, 3, 19),
  language: 'en',
  text: 'Full text…',
  contentHash: 'ab12',
  length: int(10),
  bodyStart: int(0),
  bodyEnd: int(10),
};

describe('mapSource', () => {
  it('maps the date to an ISO string and Integer offsets to numbers', () => {
    expect(mapSource(stored)).toEqual({
      label: 'Source',
      key: 'test-source-1',
      title: 'Interview: charging stations keep pace',
      kind: 'interview',
      url: 'https://news.example/interview',
      publishedDate: '2024-03-19',
      publishedDateSource: null,
      retracted: null,
      language: 'en',
      referenceOnly: false,
      text: 'Full text…',
      contentHash: 'ab12',
      length: 10,
      bodyStart: 0,
      bodyEnd: 10,
    });
  });

  it('maps a retraction mark, with its date as an ISO day and no evidence when none was given', () => {
    const retracted = mapSource({
      ...stored,
      retractionReason: 'The publisher retracted it.',
      retractionDate: new Neo4jDate(2024, 3, 21),
      retractedBy: 'alice',
      retractedAt: '2024-03-21T08:00:00Z',
    }).retracted;
    expect(retracted).toEqual({
      date: '2024-03-21',
      reason: 'The publisher retracted it.',
      agent: 'alice',
      evidence: null,
      recordedAt: '2024-03-21T08:00:00Z',
    });
  });

  it('keeps where the publication date came from when stored', () => {
    expect(mapSource({ ...stored, publishedDateSource: 'page metadata' }).publishedDateSource).toBe('page metadata');
  });

  it('maps a source recorded by its facts only: no text, length 0, no body', () => {
    const { text: _text, contentHash: _hash, bodyStart: _start, bodyEnd: _end, ...facts } = stored;
    expect(mapSource({ ...facts, kind: 'dataset', length: int(0), referenceOnly: true })).toMatchObject({
      kind: 'dataset',
      referenceOnly: true,
      text: null,
      contentHash: null,
      length: 0,
      bodyStart: null,
      bodyEnd: null,
    });
  });
});
