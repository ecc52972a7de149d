import { json, type Library } from '../library';

/**
 * @amplitude/analytics-browser: batches to api2.amplitude.com/2/httpapi (HTTP API v2 JSON),
 * gzipped (Content-Encoding: gzip) once an upload reaches 2 KiB; page views by autocapture.
 */
export const amplitude: Library = {
  id: 'amplitude',
  packages: ['@amplitude/analytics-browser'],
  decoder: 'amplitude',
  account: 'battery-amplitude-key',
  hosts: ['api2.amplitude.com', 'sr-client-cfg.amplitude.com'],
  answer: (r) =>
    r.host === 'api2.amplitude.com'
      ? json({ code: 200, events_ingested: 1, payload_size_bytes: r.body.length, server_upload_time: Date.now() })
      : json({}),
  isHit: (r) => r.host === 'api2.amplitude.com' && r.path.startsWith('/2/httpapi'),
  pageviews: 2,
  sent: (received, step) =>
    received.some(
      (r) =>
        r.host === 'api2.amplitude.com' && (step === 'home' ? r.headers['content-encoding'] === 'gzip' : r.body.includes('revenue_amount')),
    ),
};
