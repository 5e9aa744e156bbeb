import { text, type Properties } from '../../db/values';

export interface VirtualPresenterData {
  label: 'VirtualPresenter';
  key: string;
  name: string;
  description: string;
}

export const mapVirtualPresenter = (properties: Properties): VirtualPresenterData => ({
  label: 'VirtualPresenter',
  key: text(properties, 'id'),
  name: text(properties, 'name'),
  description: text(properties, 'description'),
});
