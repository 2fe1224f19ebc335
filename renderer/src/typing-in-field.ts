/** Input types that take no typed text: keys pressed on them are the app's. */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'color', 'file', 'image']);

/**
 * The one "is the user typing in a field" check: keys pressed there (letters, Delete, Ctrl+Z)
 * belong to the field, not to the drawing tools or the document. A select counts: typing a
 * letter there picks an option.
 */
export function typingInField(element: EventTarget | Element | null): boolean {
  if (element instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(element.type);
  return element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement || (element instanceof HTMLElement && element.isContentEditable);
}

/**
 * A widget that moves through its items with the arrows, Home/End and Enter (the Features
 * list): with the focus on it those keys walk the list, so they must not nudge the selection
 * or finish a drawing. Unlike a field, it leaves Ctrl+Z and the other chords to the app.
 */
export function walkingAList(element: EventTarget | Element | null): boolean {
  const role = element instanceof HTMLElement ? element.getAttribute('role') : null;
  return role === 'listbox' || role === 'tree';
}

/** While a modal dialog is open its keys are its own: Delete on a dialog button must not delete features behind it. */
export function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}
