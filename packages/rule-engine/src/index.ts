// @bankforge/rule-engine: FEEL compiled to closures, DMN decisions, and a DMN TCK runner.
// Helpers: add exports by inserting lines; never rewrite this file.
export * from './feel/values/feel-value.js';
export type * from './feel/api.js';
export { expressionRisks, patternProblem, type ExpressionRisk, type RiskOptions } from './feel/risks.js';
export { compileExpression, compileUnaryTests, parseExpression, parseUnaryTests, clearCompileCache, FeelSyntaxError, type ParseResult, type FeelSyntaxNode } from './feel/compile.js';
export { add, subtract, multiply, divide, power, negate, feelEquals, feelNotEquals, compare, lessThan, lessOrEqual, greaterThan, greaterOrEqual, inRange, rangeIncludes, unaryTestMatches, isSameValue, SilentEnvironment } from './feel/values/operators.js';
export { typeNameOf, isInstanceOf, parseType, conformsTo, isList, type FeelType, type FeelTypeName } from './feel/values/types.js';
export { parseDate, parseTime, parseDateTime, parseDuration, formatDate, formatTime, formatDateTime, formatDaysTimeDuration, formatYearsMonthsDuration, compareDateTimes, compareTimes, compareDates, instantSeconds, isValidZone } from './feel/values/temporal.js';
export { valueToString, valueToLiteral } from './feel/values/format.js';
export { toFeelValue, fromFeelValue, isFeelNumber, numberToJson } from './feel/values/json.js';
export { BUILTINS, BuiltinFunction, bindNamedArguments, parseRange, type Signature } from './feel/builtins/index.js';
export * from './dmn/model.js';
export { compileDecisionModel, UnknownDecisionError, type CompiledDecisionModel, type DecisionResult, type DmnDiagnostic, type Inputs as DecisionInputs } from './dmn/evaluate.js';
export type { JsonDecisionResult } from './dmn/evaluate.js';
export type { DmnWarning, DmnEvaluateOptions, EvaluationTrace, DecisionTrace, DecisionTableTrace } from './dmn/run.js';
export { importDmn, parseDmnDocument, isDmnNamespace, XmlError, type DmnDocument, type DmnImportResult } from './dmn/xml/import-dmn.js';
