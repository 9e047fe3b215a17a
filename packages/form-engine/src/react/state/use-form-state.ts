import { useCallback, useSyncExternalStore } from 'react';
import type { FormState } from '../../form/form-model-api.js';
import type { FormModel } from '../../form/form-model.js';

/** The model's current state; the component re-renders whenever the model replaces it. */
export function useFormState(model: Pick<FormModel, 'state' | 'subscribe'>): FormState {
  const subscribe = useCallback((listener: () => void) => model.subscribe(listener), [model]);
  const snapshot = () => model.state;
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
