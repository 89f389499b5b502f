/** The `pay_run` case's transitions (skeleton: the runs helper fills it). */
export function registerPayCaseHandlers(): void {}
