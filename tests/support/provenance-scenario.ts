import type { Driver } from 'neo4j-driver';

import {
  insertClaim,
  insertFigure,
  insertLink,
  insertMetric,
  insertOrganization,
  insertPerson,
  insertPlace,
  insertSource,
} from './test-graph';

/**
 * A republication chain and a derived figure in the model of issue #14, all ids under `prefix`:
 *
 *   carmakers' association (org) ──publishes──▶ sales dataset (reference-only, figure located in "table 1")
 *   agency report ──CITES──▶ sales dataset; quotes an independent analyst relaying the association's data
 *   paper article ──REPUBLISHES──▶ agency report; its figure RELAYED_BY analyst (0), agency report (1)
 *   ratio (derived, in the agency report) = fleet (police dataset) / charging points (ministry dataset)
 *
 * The texts are invented for the tests, in the style of agency copy.
 */
export function provenanceScenario(prefix: string) {
  const id = (name: string) => `${prefix}-${name}`;
  return {
    id,
    async build(driver: Driver): Promise<void> {
      await insertMetric(driver, { id: id('sales'), name: 'Test NEV sales', unit: 'vehicles' });
      await insertMetric(driver, { id: id('per-point'), name: 'Test NEVs per charging point', unit: 'NEVs per point' });
      await insertMetric(driver, { id: id('fleet'), name: 'Test NEV fleet', unit: 'vehicles' });
      await insertMetric(driver, { id: id('points'), name: 'Test charging points', unit: 'points' });
      await insertMetric(driver, { id: id('rank'), name: 'Test years leading sales', unit: 'rank' });
      await insertPlace(driver, { id: id('china'), name: 'Test China' });
      const organizations: [string, string][] = [
        ['association', 'Test Association of Car Makers'],
        ['agency', 'Test News Agency'],
        ['paper', 'Test Daily'],
        ['ministry', 'Test Ministry of Industry'],
        ['police', 'Test Ministry of Public Security'],
        ['unrelated', 'Test Unrelated Institute'],
      ];
      for (const [name, full] of organizations) await insertOrganization(driver, { id: id(name), name: full });
      await insertPerson(driver, { id: id('analyst'), name: 'Test Analyst Ōno' });

      const sources: [string, 'dataset' | 'article', string, string, string | null][] = [
        ['sales-data', 'dataset', 'association', '2025-01-13', null],
        ['charging-data', 'dataset', 'ministry', '2024-01-26', null],
        ['fleet-data', 'dataset', 'police', '2024-01-11', null],
        [
          'agency-report',
          'article',
          'agency',
          '2025-01-14',
          'Sales of new-energy cars reached 12.87 million, the analyst said — a record.',
        ],
        [
          'paper-article',
          'article',
          'paper',
          '2025-01-15',
          'Reprinted: sales of new-energy cars reached 12.87 million, a record.',
        ],
      ];
      for (const [name, kind, publisher, publishedDate, text] of sources) {
        await insertSource(driver, {
          id: id(name),
          kind,
          publisherId: id(publisher),
          publishedDate,
          text,
          title: `Test ${name}`,
        });
      }
      await insertLink(driver, { from: id('agency-report'), type: 'CITES', to: id('sales-data') });
      await insertLink(driver, { from: id('paper-article'), type: 'REPUBLISHES', to: id('agency-report') });

      const china = { placeId: id('china') };
      await insertFigure(driver, {
        id: id('sales-located'),
        sourceId: id('sales-data'),
        metricId: id('sales'),
        ...china,
        decimal: '12870000',
        unit: 'vehicles',
        period: '2024',
        locator: "table 1, row 'NEV sales'",
      });
      await insertFigure(driver, {
        id: id('sales-agency'),
        sourceId: id('agency-report'),
        metricId: id('sales'),
        ...china,
        decimal: '12870000',
        unit: 'vehicles',
        period: '2024',
      });
      await insertFigure(driver, {
        id: id('sales-paper'),
        sourceId: id('paper-article'),
        metricId: id('sales'),
        ...china,
        decimal: '12870000',
        unit: 'vehicles',
        period: '2024',
      });
      await insertFigure(driver, {
        id: id('sales-growth'),
        sourceId: id('agency-report'),
        metricId: id('sales'),
        ...china,
        decimal: '35.5',
        unit: 'percent',
        changeType: 'percent',
        period: '2024',
      });
      await driver.executeQuery(
        `MATCH (f:Figure {id: $id}) SET f.basePeriodLabel = '2023', f.basePeriodStart = date('2023-01-01'),
           f.basePeriodEnd = date('2023-12-31'), f.basePeriodExpression = 'the previous year'`,
        { id: id('sales-growth') },
      );
      await insertLink(driver, { from: id('sales-growth'), type: 'CHANGE_OF', to: id('sales-agency') });
      await insertFigure(driver, {
        id: id('price-range'),
        sourceId: id('agency-report'),
        metricId: id('sales'),
        ...china,
        decimal: null,
        lowDecimal: '10000',
        highDecimal: null,
        qualifier: 'over',
        kind: 'estimate',
        period: '2024',
      });
      await insertFigure(driver, {
        id: id('leading-years'),
        sourceId: id('agency-report'),
        metricId: id('rank'),
        ...china,
        decimal: null,
        rank: 10,
        rankOf: 'consecutive years leading world NEV sales',
        unit: 'rank',
        period: '2024',
      });
      for (const figure of ['sales-located', 'sales-agency', 'sales-paper']) {
        await insertLink(driver, { from: id(figure), type: 'PRODUCED_BY', to: id('association') });
      }
      await insertLink(driver, { from: id('sales-agency'), type: 'RELAYED_BY', to: id('analyst'), position: 0 });
      await insertLink(driver, { from: id('sales-paper'), type: 'RELAYED_BY', to: id('analyst'), position: 0 });
      await insertLink(driver, { from: id('sales-paper'), type: 'RELAYED_BY', to: id('agency-report'), position: 1 });

      await insertFigure(driver, {
        id: id('fleet-end-2023'),
        sourceId: id('fleet-data'),
        metricId: id('fleet'),
        ...china,
        decimal: '20410000',
        unit: 'vehicles',
        period: ['2023-12-31', '2023-12-31', 'end of 2023'],
        locator: 'page 2',
      });
      await insertFigure(driver, {
        id: id('points-end-2023'),
        sourceId: id('charging-data'),
        metricId: id('points'),
        ...china,
        decimal: '8596000',
        unit: 'points',
        period: ['2023-12-31', '2023-12-31', 'end of 2023'],
        locator: 'section 3',
      });
      await insertLink(driver, { from: id('fleet-end-2023'), type: 'PRODUCED_BY', to: id('fleet-data') });
      await insertLink(driver, { from: id('points-end-2023'), type: 'PRODUCED_BY', to: id('ministry') });
      await insertFigure(driver, {
        id: id('per-point-end-2023'),
        sourceId: id('agency-report'),
        metricId: id('per-point'),
        ...china,
        decimal: '2.37',
        kind: 'derived',
        operation: 'ratio',
        unit: 'NEVs per point',
        period: ['2023-12-31', '2023-12-31', 'end of 2023'],
      });
      await insertLink(driver, {
        from: id('per-point-end-2023'),
        type: 'DERIVED_FROM',
        to: id('fleet-end-2023'),
        position: 0,
      });
      await insertLink(driver, {
        from: id('per-point-end-2023'),
        type: 'DERIVED_FROM',
        to: id('points-end-2023'),
        position: 1,
      });

      await insertClaim(driver, {
        id: id('claim-paper'),
        sourceId: id('paper-article'),
        text: 'New-energy car sales in China reached 12.87 million in 2024.',
        speakerId: id('analyst'),
        figureIds: [id('sales-paper')],
      });
      await insertClaim(driver, {
        id: id('claim-agency'),
        sourceId: id('agency-report'),
        text: 'New-energy car sales in China reached 12.87 million in 2024, the analyst said.',
        speakerId: id('analyst'),
        figureIds: [id('sales-agency')],
      });
      await insertClaim(driver, {
        id: id('claim-ratio'),
        sourceId: id('agency-report'),
        text: 'China had 2.37 new-energy cars per charging point at the end of 2023.',
        speakerId: id('agency'),
        attribution: 'narration',
        figureIds: [id('per-point-end-2023')],
      });
      await insertClaim(driver, {
        id: id('claim-plain'),
        sourceId: id('agency-report'),
        text: 'Charging remains a worry for buyers, the analyst said.',
        speakerId: id('analyst'),
      });
    },
  };
}
