export { bankCrmEntities, accountEntity, branchEntity, contactEntity, customerEntity, loanApplicationEntity, opportunityEntity } from './entities/index.js';
export { bankCrmApp, type AppDefinition, type AppArtifactRef } from './app.js';
export { generateBankCrmSeed, sampleCustomerValues, DEFAULT_SEED, type SeedRecord, type BankCrmSeedOptions } from './seed.js';
