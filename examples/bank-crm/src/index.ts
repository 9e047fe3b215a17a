export { bankCrmEntities, accountEntity, accountBalanceEntity, branchEntity, campaignContactEntity, complaintTicketEntity, leadEntity, contactEntity, customerEntity, interactionEntity, loanApplicationEntity, opportunityEntity, rateCouponEntity, relationshipEntity, rmTaskEntity, wealthHoldingEntity } from './entities/index.js';
export { bankCrmApp, bankCrmArtifacts, type AppDefinition, type AppArtifactRef } from './app.js';
export { generateBankCrmSeed, sampleCustomerValues, DEFAULT_SEED, type SeedRecord, type BankCrmSeedOptions } from './seed.js';
export { loanApprovalFlow, loanApprovalFlowName, loanScoringDecision, LOAN_SCORE_THRESHOLD, LOAN_SMALL_LIMIT, LOAN_MEDIUM_LIMIT, LOAN_SCORING_DECISION_NAME } from './flows/loan-approval.js';
export {
  productSuitabilityDecision,
  suitabilityReasons,
  AFFLUENT_AUM_THRESHOLD,
  PRIVATE_BANKING_AUM_THRESHOLD,
  PRODUCT_SUITABILITY_DECISION_NAME,
  type SuitabilityReasonCode,
} from './decisions/product-suitability.js';
export { fraudScreeningDecision, fraudActions, fraudRiskLevels, FRAUD_SCREENING_DECISION_NAME, type FraudAction, type FraudRiskLevel } from './decisions/fraud-screening.js';
export { cnMainlandCalendar } from './calendars/cn-mainland.js';
export { BRANCHES, type BranchInfo } from './reference-data.js';
export { bankCrmRoles, type ExampleRole } from './roles.js';
export {
  bankCrmReports,
  loanPipelineReport,
  loanFunnelReport,
  aumBySegmentReport,
  aumTrendReport,
  loansByBranchReport,
  rmPerformanceReport,
  crossSellRatioReport,
  churnRiskReport,
  churnWatchReport,
  campaignFunnelReport,
} from './reports.js';
export { approvalsDashboard, bankCrmDashboards, branchPerformanceDashboard, myBookDashboard } from './dashboards.js';
export { customerForm } from './forms/customer-form.js';
export { bankCrmSegments, wealthCampaignSegment, type ExampleSegment } from './segments.js';
export {
  bankCrmAutomations,
  campaignConversionAutomation,
  campaignReplyAutomation,
  churnQuietAutomation,
  churnServiceScoreAutomation,
  contactLoggedAutomation,
  depositGrowthAutomation,
  leadRoutingAutomation,
  npsFollowUpAutomation,
  rateInterestAutomation,
  wealthCampaignAutomation,
  wealthMaturityAutomation,
} from './automations/index.js';
export { complaintHandlingFlow, COMPLAINT_DEPARTMENTS, COMPLAINT_SLA, DEFAULT_COMPLAINT_DEPARTMENT } from './flows/complaint-handling.js';
export { leadRoutingDecision, LEAD_ROUTING_DECISION_NAME } from './decisions/lead-routing.js';
