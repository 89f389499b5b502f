/**
 * What the care module does on its `talk_request` cases' transitions (双向约谈); filled in by the talks part.
 * Registered once the app is ready, and by the demo seed before it opens requests.
 */
export function registerTalkCaseHandlers(): void {}
