/** The messages between the page and the analysis worker: a table to analyse, and its analysis, matched by id. */
import { analyzeDecisionTable, type DecisionTable, type DecisionTableAnalysis, type DecisionTableAnalysisOptions } from '@bankforge/rule-engine';

export interface AnalysisRequest {
  id: number;
  table: DecisionTable;
  options: DecisionTableAnalysisOptions;
}

export interface AnalysisResponse {
  id: number;
  analysis: DecisionTableAnalysis;
}

export function answerAnalysisRequest({ id, table, options }: AnalysisRequest): AnalysisResponse {
  return { id, analysis: analyzeDecisionTable(table, options) };
}
