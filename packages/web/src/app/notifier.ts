/**
 * Bridge from non-React code (the mutation cache) to antd's context-aware message API,
 * registered by <NotifierBridge/> inside antd's <App>.
 */
type Notify = (text: string) => void;

let notifyErrorImpl: Notify = (text) => console.error(text);

export function setErrorNotifier(fn: Notify): void {
  notifyErrorImpl = fn;
}

export function notifyError(text: string): void {
  notifyErrorImpl(text);
}
