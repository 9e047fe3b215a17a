/**
 * The slot for the decision's other panels beside "Rules" under the grid: the Test panel and the
 * Versions panel mount here (each with its own tab in the panels' tab list). Nothing yet.
 */
export function DecisionSidePanels() {
  return null;
}
