import type { RuntimeEntityPage } from '@bankforge/client';
import { publishedCustomer } from '@bankforge/data-model/testing';

/** The runtime's page of the shared customer as the server publishes it, with no form: for list and page tests. */
export const customerPage: RuntimeEntityPage = {
  entity: publishedCustomer,
  form: null,
  related: {},
  validators: {},
};
