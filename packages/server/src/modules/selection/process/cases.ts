/**
 * What the selection module does on its process cases' transitions (guards: a running 公示, an open objection,
 * missing results; the appointment written on the last step). Registered once the app is ready, and by the
 * demo seed before it runs processes. Filled in by the process part.
 */
export function registerSelectionCaseHandlers(): void {}
