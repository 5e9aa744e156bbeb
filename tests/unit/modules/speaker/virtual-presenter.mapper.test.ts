import { mapVirtualPresenter } from '../../../../src/modules/speaker/virtual-presenter.mapper';

describe('mapVirtualPresenter', () => {
  it('maps the stored properties, the id as key', () => {
    expect(
      mapVirtualPresenter({ id: 'test-ai-anchor', name: 'AI anchor', description: 'A synthetic presenter' }),
    ).toEqual({
      label: 'VirtualPresenter',
      key: 'test-ai-anchor',
      name: 'AI anchor',
      description: 'A synthetic presenter',
    });
  });
});
