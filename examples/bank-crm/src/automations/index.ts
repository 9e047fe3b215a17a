import type { AutomationDefinition } from '@bankforge/flow-engine';
import { churnQuietAutomation, churnServiceScoreAutomation } from './churn-warning.js';
import { contactLoggedAutomation } from './contact-logged.js';
import { depositGrowthAutomation } from './deposit-growth.js';
import { leadRoutingAutomation } from './lead-routing.js';
import { npsFollowUpAutomation } from './nps-follow-up.js';
import { rateInterestAutomation } from './rate-interest.js';
import { campaignConversionAutomation, campaignReplyAutomation, wealthCampaignAutomation } from './wealth-campaign.js';
import { wealthMaturityAutomation } from './wealth-maturity.js';

export { campaignConversionAutomation, campaignReplyAutomation, churnQuietAutomation, churnServiceScoreAutomation, contactLoggedAutomation, depositGrowthAutomation, leadRoutingAutomation, npsFollowUpAutomation, rateInterestAutomation, wealthCampaignAutomation, wealthMaturityAutomation };

/** The bank's standing rules, published after the entities, flows and calendar they name. */
export const bankCrmAutomations: AutomationDefinition[] = [depositGrowthAutomation, wealthMaturityAutomation, churnQuietAutomation, churnServiceScoreAutomation, contactLoggedAutomation, rateInterestAutomation, npsFollowUpAutomation, leadRoutingAutomation, wealthCampaignAutomation, campaignReplyAutomation, campaignConversionAutomation];
