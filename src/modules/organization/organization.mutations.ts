import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';

import { requireRole } from '../../auth';
import type { Context } from '../context';
import { checked, checkHttpUrl, cleanText, idList } from '../common/input-validation';
import { AddOrganizationInput } from './organization.inputs';
import type { OrganizationData } from './organization.mapper';
import { Organization } from './organization.type';
import { OrganizationWriter } from './organization.writes';

@Resolver()
export class OrganizationMutationResolver {
  @Mutation(() => Organization, {
    description:
      "Adds an organisation (editor role). A name that differs from an existing organisation's only in case, " +
      'punctuation, accents or a letter or two is refused with BAD_USER_INPUT naming the existing one. One transaction.',
  })
  async addOrganization(
    @Arg('input', () => AddOrganizationInput) input: AddOrganizationInput,
    @Ctx() context: Context,
  ): Promise<OrganizationData> {
    const viewer = requireRole(context.auth, 'editor');
    const draft = {
      name: cleanText(input.name, 'input.name', 200),
      fullName: input.fullName == null ? null : cleanText(input.fullName, 'input.fullName', 500),
      kind: cleanText(input.kind, 'input.kind', 100),
      sameAs: idList(input.sameAs, 'input.sameAs', 20, (url, field) => checkHttpUrl(url, field)),
    };
    return checked(await new OrganizationWriter(context.executor).create(draft, viewer.name), 'input');
  }
}
