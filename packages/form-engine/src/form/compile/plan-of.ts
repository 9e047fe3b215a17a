import type { CompiledForm } from '../form-model-api.js';
import { compileForm } from '../compile-form.js';
import type { CompiledFormWithPlan, FormPlan } from './form-plan.js';

const hasPlan = (compiled: CompiledForm): compiled is CompiledFormWithPlan => 'plan' in compiled && typeof compiled.plan === 'object' && compiled.plan !== null;

/** The plan `compileForm` attached; compiled again when the object lost it (e.g. a structured clone). */
export function planOf(compiled: CompiledForm): FormPlan {
  if (hasPlan(compiled)) return compiled.plan;
  return compileForm(compiled.form, { ...compiled.related, [compiled.entity.key]: compiled.entity }).plan;
}
