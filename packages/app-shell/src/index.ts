// @bankforge/app-shell: the frame the designer and the runtime share. Test helpers are in
// `@bankforge/app-shell/testing`.
export { ApiClientProvider, useApiClient } from './api/ApiClientContext.js';
export { asProblem } from './api/as-problem.js';
export { currentPath, loginUrl, safeNext } from './auth/login-url.js';
export { useSignedIn } from './auth/useSignedIn.js';
export { initI18n, setLanguage } from './i18n/init-i18n.js';
export { initialLanguage, languageOf, type Language } from './i18n/languages.js';
export { LanguageSwitch } from './LanguageSwitch.js';
export { HeaderTools } from './HeaderTools.js';
export { Dialog, type DialogProps } from './dialog/Dialog.js';
export { ReportChart, type ReportChartProps } from './report-chart/ReportChart.js';
export type { ChartPick } from './report-chart/chart-option.js';
export { columnLabel, formatReportValue, type ReportValue, type ValueWords } from './report-chart/report-format.js';
