/**
 * The built-ins the hook relies on, taken once at document_start before any page script runs.
 * Pages routinely patch prototypes (Array.prototype.push, Promise.prototype.then, JSON, timers);
 * calling the saved originals keeps the hook's own work from running — or being seen by — page code.
 */
export interface Natives {
  apply: typeof Reflect.apply;
  defineProperty: typeof Object.defineProperty;
  getOwnPropertyDescriptor: typeof Object.getOwnPropertyDescriptor;
  keys: typeof Object.keys;
  create: typeof Object.create;
  getPrototypeOf: typeof Object.getPrototypeOf;
  isArray: typeof Array.isArray;
  objectToString: () => string;
  now: () => number;
  stringify: typeof JSON.stringify;
  setTimeout: typeof setTimeout;
  clearTimeout: typeof clearTimeout;
  then: Promise<unknown>['then'];
  Promise: PromiseConstructor;
  URL: typeof URL;
  WeakMap: WeakMapConstructor;
  WeakSet: WeakSetConstructor;
  CustomEvent: typeof CustomEvent;
  dispatchEvent: EventTarget['dispatchEvent'];
  addEventListener: EventTarget['addEventListener'];
  TextDecoder: typeof TextDecoder;
  Uint8Array: Uint8ArrayConstructor;
  Blob: typeof Blob | undefined;
  blobText: Blob['text'] | undefined;
  blobSlice: Blob['slice'] | undefined;
  blobArrayBuffer: Blob['arrayBuffer'] | undefined;
  blobSize: (() => number) | undefined;
  blobType: (() => string) | undefined;
  FormData: typeof FormData | undefined;
  formDataEntries: FormData['entries'] | undefined;
  URLSearchParams: typeof URLSearchParams;
  uspToString: URLSearchParams['toString'];
  ReadableStream: typeof ReadableStream | undefined;
  Request: typeof Request | undefined;
  requestUrl: (() => string) | undefined;
  requestMethod: (() => string) | undefined;
  requestBody: (() => ReadableStream | null) | undefined;
  requestClone: Request['clone'] | undefined;
  requestText: Request['text'] | undefined;
  ArrayBuffer: ArrayBufferConstructor;
  isView: typeof ArrayBuffer.isView;
  Node: typeof Node;
  nodeName: () => string;
  encode: typeof encodeURIComponent;
  btoa: typeof btoa;
  fromCharCode: typeof String.fromCharCode;
  RegExp: RegExpConstructor;
  /** The built-in exec: RegExp.prototype.test would look up a page-patched `exec`. */
  regexExec: RegExp['exec'];
  eventDetail: (() => unknown) | undefined;
}

function getter<T>(proto: object | undefined, key: string): (() => T) | undefined {
  if (!proto) return undefined;
  const d = Object.getOwnPropertyDescriptor(proto, key);
  return d?.get as (() => T) | undefined;
}

export function takeNatives(win: Window & typeof globalThis): Natives {
  const B = win.Blob;
  const R = win.Request;
  const F = win.FormData;
  return {
    apply: Reflect.apply,
    defineProperty: Object.defineProperty,
    getOwnPropertyDescriptor: Object.getOwnPropertyDescriptor,
    keys: Object.keys,
    create: Object.create,
    getPrototypeOf: Object.getPrototypeOf,
    isArray: Array.isArray,
    objectToString: Object.prototype.toString,
    now: Date.now,
    stringify: JSON.stringify,
    setTimeout: win.setTimeout,
    clearTimeout: win.clearTimeout,
    // biome-ignore lint/suspicious/noThenProperty: the saved native Promise#then, called with apply, never awaited
    then: Promise.prototype.then,
    Promise: win.Promise,
    URL: win.URL,
    WeakMap: win.WeakMap,
    WeakSet: win.WeakSet,
    CustomEvent: win.CustomEvent,
    dispatchEvent: win.EventTarget.prototype.dispatchEvent,
    addEventListener: win.EventTarget.prototype.addEventListener,
    TextDecoder: win.TextDecoder,
    Uint8Array: win.Uint8Array,
    Blob: B,
    blobText: B?.prototype.text,
    blobSlice: B?.prototype.slice,
    blobArrayBuffer: B?.prototype.arrayBuffer,
    blobSize: getter<number>(B?.prototype, 'size'),
    blobType: getter<string>(B?.prototype, 'type'),
    FormData: F,
    formDataEntries: F?.prototype.entries,
    URLSearchParams: win.URLSearchParams,
    uspToString: win.URLSearchParams.prototype.toString,
    ReadableStream: win.ReadableStream,
    Request: R,
    requestUrl: getter<string>(R?.prototype, 'url'),
    requestMethod: getter<string>(R?.prototype, 'method'),
    requestBody: getter<ReadableStream | null>(R?.prototype, 'body'),
    requestClone: R?.prototype.clone,
    requestText: R?.prototype.text,
    ArrayBuffer: win.ArrayBuffer,
    isView: win.ArrayBuffer.isView,
    Node: win.Node,
    nodeName: getter<string>(win.Node.prototype, 'nodeName') ?? (() => ''),
    encode: win.encodeURIComponent,
    btoa: win.btoa.bind(win),
    fromCharCode: String.fromCharCode,
    RegExp: win.RegExp,
    regexExec: win.RegExp.prototype.exec,
    eventDetail: getter<unknown>(win.CustomEvent.prototype, 'detail'),
  };
}
