import type { RendererMessages } from '../locale/messages.js';
import type { InputProblem } from '../widgets/widget-props.js';

/** The inline message for what was typed but cannot be a value. */
export function problemMessage(problem: InputProblem, messages: RendererMessages): string {
  switch (problem.code) {
    case 'invalidJson':
      return messages.invalidJson;
    case 'invalidNumber':
      return messages.invalidNumber;
    case 'invalidInteger':
      return messages.invalidInteger;
    case 'tooManyDecimals':
      return messages.tooManyDecimals(problem.scale);
    case 'invalidDate':
      return messages.invalidDate(problem.format);
  }
}
