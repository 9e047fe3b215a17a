import type { EntityDefinition } from '@bankforge/data-model';
import { accountEntity } from './account.js';
import { accountBalanceEntity } from './account-balance.js';
import { branchEntity } from './branch.js';
import { contactEntity } from './contact.js';
import { customerEntity } from './customer.js';
import { interactionEntity } from './interaction.js';
import { loanApplicationEntity } from './loan-application.js';
import { opportunityEntity } from './opportunity.js';
import { relationshipEntity } from './relationship.js';

export { accountEntity, accountBalanceEntity, branchEntity, contactEntity, customerEntity, interactionEntity, loanApplicationEntity, opportunityEntity, relationshipEntity };

/** The entities of the bank CRM, referenced entities first. */
export const bankCrmEntities: EntityDefinition[] = [
  branchEntity,
  customerEntity,
  contactEntity,
  accountEntity,
  accountBalanceEntity,
  loanApplicationEntity,
  opportunityEntity,
  interactionEntity,
  relationshipEntity,
];
