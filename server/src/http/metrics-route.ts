import { Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Rooms } from '../collab/rooms.js';
import { metricLine, summaryLines } from '../metrics.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * `GET /metrics`: the collaboration server's figures in the Prometheus text format, for a
 * scraper or benchmark on the same host; other addresses get 404, as if it were not there.
 */
export function metricsRoute(rooms: Rooms) {
  return new Hono().get('/', async (c) => {
    if (!LOOPBACK.has(getConnInfo(c).remote.address ?? '')) return c.notFound();
    const memory = process.memoryUsage();
    const lines = [
      metricLine('careweave_rooms_loaded', rooms.size),
      metricLine('careweave_connections', await rooms.connectionCount()),
      metricLine('careweave_log_rows_total', rooms.writer.rowsWritten),
      ...summaryLines('careweave_log_commit_seconds', rooms.writer.commitWindow),
      metricLine('process_resident_memory_bytes', memory.rss),
      metricLine('nodejs_heap_used_bytes', memory.heapUsed),
    ];
    return c.text(`${lines.join('\n')}\n`);
  });
}
