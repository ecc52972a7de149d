// @analytics-debugger/ga4mp ships no types: the calls the battery's page makes.
declare module '@analytics-debugger/ga4mp' {
  interface Ga4mp {
    trackEvent(name: string, params?: Record<string, unknown>): void;
    getClientId(): string;
  }
  export default function ga4mp(measurementIds: string[], config: Record<string, unknown>): Ga4mp;
}
