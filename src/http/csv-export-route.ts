import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { newErrorReference } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Db } from '../store/db.ts';
import { requireBearer } from './bearer-token.ts';
import { toCsvCell } from './csv-cell.ts';
import { type ExportName, exportTables } from './export-tables.ts';
import { HttpError, type Route } from './http-server.ts';
import { readPeriodQuery } from './period-query.ts';

export interface CsvExportDeps {
  db: Db;
  log: Logger;
  /** COE_TIME_ZONE: the dates asked for are local days there. */
  timeZone: string;
  /** DASHBOARD_TOKEN; unset, every request is refused. */
  token: string | undefined;
  /** Rows read per query; small in tests, so an export spans several pages. */
  pageSize?: number;
}

export const exportPageSize = 2000;
const names = Object.keys(exportTables).map((n) => `${n}.csv`);
const isExport = (name: string): name is ExportName => name in exportTables;

/**
 * GET /api/export/{tickets,ticket_events,feedback,interactions}.csv?from=YYYY-MM-DD&to=YYYY-MM-DD: the rows
 * made in [from, to) as CSV, for leads and admins holding DASHBOARD_TOKEN. Rows go out as they are read: the
 * pipeline asks for the next page only when the client has taken the last (backpressure), and stops asking
 * when the client goes away.
 */
export function csvExportRoute(deps: CsvExportDeps): Route {
  const pageSize = deps.pageSize ?? exportPageSize;
  return {
    method: 'GET',
    path: '/api/export/*',
    async handle(req, res, url) {
      requireBearer(req, deps.token, 'the export API', 'DASHBOARD_TOKEN');
      const name = /^\/api\/export\/([a-z_]+)\.csv$/.exec(url.pathname)?.[1] ?? '';
      if (!isExport(name)) throw new HttpError(404, `there is no such export; ask for one of ${names.join(', ')}`);
      const period = readPeriodQuery(url, deps.timeZone, 'an export');
      const table = exportTables[name];
      let rows = 0;
      async function* records() {
        yield [...table.header];
        for await (const page of table.pages(deps.db, period, pageSize)) {
          for (const row of page) yield row.map(toCsvCell);
          rows += page.length;
        }
      }
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}-${period.fromDate}-to-${period.toDate}.csv"`,
        'cache-control': 'no-store',
      });
      const about = { export: name, from: period.fromDate, to: period.toDate };
      try {
        await pipeline(Readable.from(records()), stringify(), res);
        deps.log.info('export sent', { ...about, rows });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE')
          return deps.log.info('export stopped: the client went away', { ...about, rows });
        // Headers are gone: pipeline has already cut the connection, so the client sees a broken download,
        // never a short file that looks whole.
        deps.log.error('export failed', { ...about, rows, reference: newErrorReference(), err });
      }
    },
  };
}
