/**
 * The health and metrics endpoint, for whoever runs the bot: `GET /healthz` answers 200 with a JSON
 * summary while the gateway session is ready and 503 otherwise; `GET /metrics` is Prometheus's text
 * format. Off unless HEALTH_PORT is set, and bound to 127.0.0.1 unless HEALTH_HOST says otherwise.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotMetrics, MetricsSources } from './botMetrics.ts';

export interface HealthServer {
  /** `http://host:port`, with the port actually bound (HEALTH_PORT=0 picks a free one). */
  readonly url: string;
  close(): Promise<void>;
}

export interface HealthReport {
  readonly status: 'ok' | 'unavailable';
  readonly gateway: 'ready' | 'not ready';
  readonly corpus: { readonly articles: number; readonly passages: number; readonly outlets: number };
  readonly lastReload: { readonly at: string; readonly ok: boolean } | null;
}

export function healthReport(sources: MetricsSources): HealthReport {
  const ready = sources.gatewayReady();
  const last = sources.lastReload();
  return {
    status: ready ? 'ok' : 'unavailable',
    gateway: ready ? 'ready' : 'not ready',
    corpus: sources.corpus(),
    lastReload: last ? { at: last.at.toISOString(), ok: last.ok } : null,
  };
}

/**
 * @example
 * const health = await startHealthServer({ host: '127.0.0.1', port: 9464 }, metrics, sources);
 * // curl http://127.0.0.1:9464/metrics
 */
export async function startHealthServer(
  address: { readonly host: string; readonly port: number },
  metrics: BotMetrics,
  sources: MetricsSources,
): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/healthz') {
      const report = healthReport(sources);
      response
        .writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify(report));
      return;
    }
    if (path === '/metrics') {
      metrics.render().then(
        (text) => response.writeHead(200, { 'content-type': metrics.contentType }).end(text),
        (error: unknown) =>
          response.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${String(error)}\n`),
      );
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz or /metrics\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address() as AddressInfo;
  const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  return {
    url: `http://${host}:${bound.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
