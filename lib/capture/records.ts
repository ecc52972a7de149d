/**
 * What the page-world hook reports through the relay. The relay accepts only records of
 * exactly these shapes (see relay validation); everything else a page could post is dropped.
 */

export type CaptureApi = 'fetch' | 'xhr' | 'beacon' | 'image' | 'script';

export interface RequestRecord {
  kind: 'request';
  api: CaptureApi;
  /** Epoch ms in the page's clock. */
  t: number;
  url: string;
  method: string;
  body?: string;
  /** Set when the body was not text (Blob, ArrayBuffer, …) or was cut to the size limit. */
  bodyNote?: string;
  pageUrl: string;
  /** Known to the page for fetch/xhr; the network view fills it otherwise. */
  status?: number;
  error?: string;
}

export interface PushRecord {
  kind: 'push';
  t: number;
  target: string;
  value: unknown;
  pageUrl: string;
}

export type CaptureRecord = RequestRecord | PushRecord;
