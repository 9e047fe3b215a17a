import type { EntityDefinition } from '@bankforge/data-model';
import { accountEntity } from './account.js';
import { accountBalanceEntity } from './account-balance.js';
import { branchEntity } from './branch.js';
import { campaignContactEntity } from './campaign-contact.js';
import { complaintTicketEntity } from './complaint-ticket.js';
import { contactEntity } from './contact.js';
import { customerEntity } from './customer.js';
import { interactionEntity } from './interaction.js';
import { leadEntity } from './lead.js';
import { loanApplicationEntity } from './loan-application.js';
import { opportunityEntity } from './opportunity.js';
import { rateCouponEntity } from './rate-coupon.js';
import { relationshipEntity } from './relationship.js';
import { rmTaskEntity } from './rm-task.js';
import { wealthHoldingEntity } from './wealth-holding.js';

export { accountEntity, accountBalanceEntity, branchEntity, campaignContactEntity, complaintTicketEntity, contactEntity, customerEntity, interactionEntity, leadEntity, loanApplicationEntity, opportunityEntity, rateCouponEntity, relationshipEntity, rmTaskEntity, wealthHoldingEntity };

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
  wealthHoldingEntity,
  rmTaskEntity,
  rateCouponEntity,
  complaintTicketEntity,
  leadEntity,
  campaignContactEntity,
];
