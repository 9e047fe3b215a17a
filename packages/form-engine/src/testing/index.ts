// Test fixtures for the forms of every workspace's tests (source only: not built, not shipped).
// The entities they lay out are the data model's: `@bankforge/data-model/testing`.
export { contactsGroup, customerForm, customerFormOf } from './customer-form.js';
