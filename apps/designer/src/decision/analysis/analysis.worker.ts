/** The analysis worker: a large table's analysis (hundreds of milliseconds) runs here, never on the page's thread. */
import { answerAnalysisRequest, type AnalysisRequest } from './analysis-request.js';

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  self.postMessage(answerAnalysisRequest(event.data));
};
