import type { FormRefusal } from './form-refusal';

/**
 * Why the last form sent from this page was turned away, for the layout's banner. The next
 * form that gets through, or leaving the page, clears it.
 */
export const refusedForm = $state<{ current: FormRefusal | null }>({ current: null });
