import type { Node as Neo4jNode } from 'neo4j-driver';

import type { Checked } from '../../domain/checked';
import { newOrganization, type NamedOrganization, type OrganizationDraft } from '../../domain/organization';
import { cypher, type Executor } from '../../db/executor';
import type { Properties } from '../../db/values';
import { mapOrganization, type OrganizationData } from './organization.mapper';

/** Every organisation's names, for the near-duplicate rule (a few hundred at most in a newsroom's graph). */
export const ORGANIZATION_NAMES = cypher(
  'organization.names',
  'MATCH (o:Organization) RETURN o.id AS key, o.name AS name, o.fullName AS fullName ORDER BY o.id',
);

export const CREATE_ORGANIZATION = cypher(
  'organization.create',
  `CREATE (o:Organization {id: $organization.key, name: $organization.name, fullName: $organization.fullName,
                          kind: $organization.kind, sameAs: $organization.sameAs,
                          origin: 'api', addedBy: $addedBy, addedAt: datetime()})
  RETURN o AS node`,
);

export class OrganizationWriter {
  constructor(private readonly executor: Executor) {}

  /**
   * Creates an organisation unless its name is a near-duplicate of an existing one's
   * (src/domain/organization.ts): the names are read and the node created in one transaction.
   */
  create(draft: OrganizationDraft, addedBy: string): Promise<Checked<OrganizationData>> {
    return this.executor.writeTransaction(async (tx) => {
      const existing: NamedOrganization[] = (await tx.run(ORGANIZATION_NAMES)).map((record) => ({
        key: record.get('key') as string,
        name: record.get('name') as string,
        fullName: (record.get('fullName') as string | null) ?? null,
      }));
      const organization = newOrganization(draft, existing);
      if (!organization.ok) return organization;
      const [created] = await tx.run(CREATE_ORGANIZATION, { organization: organization.value, addedBy });
      return { ok: true, value: mapOrganization((created?.get('node') as Neo4jNode).properties as Properties) };
    });
  }
}
