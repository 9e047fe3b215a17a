// Test fixtures shared by every workspace's tests (source only: not built, not shipped).
export { EVERY_TYPE, entityOf, field, options, residentId } from './fixtures.js';
export { contactEntity, customerEntity, customerField, publishedCustomer } from './customer.js';
export { storedEntityDocument } from './stored-documents.js';
export { NOW, PERIODS } from './periods.js';
