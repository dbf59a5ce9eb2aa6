import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CountyFile } from '@sunshine/contracts';
import { generateCounty } from '@sunshine/synthetic-county';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContentRepository } from '../src/sync/content.repository';
import { openDatabase, type Db } from '../src/platform/database';
import { loadCounty } from '../src/imports/county-loader';
import { countyRows } from './factories';

// 喆, 堃, 昇 and 珺 are only in GBK, not GB2312; 𠮷 only in GB18030.
const NAMES = ['张喆', '李堃', '王昇', '赵珺', '吉𠮷'];

describe('the county loader at first start', () => {
  let dir: string;
  let countyDir: string;
  let db: Db;
  const load = () => loadCounty(countyDir, { content: createContentRepository(db), hashId: (id) => `hash-${id}`, now: () => new Date() });
  const published = async (table: string) => {
    const rows = await db.selectFrom('content_records').select(['id', 'data']).where('table_name', '=', table).execute();
    return new Map(rows.map((r) => [r.id, JSON.parse(r.data) as Record<string, unknown>]));
  };
  /** Rewrites a county file: its lines (header first) changed by `edit`, saved in `encoding`. */
  const rewrite = (file: string, encoding: string, edit: (lines: string[]) => string[] = (lines) => lines) => {
    const lines = fs.readFileSync(path.join(countyDir, file), 'utf8').split('\n');
    fs.writeFileSync(path.join(countyDir, file), iconv.encode(edit(lines).join('\r\n'), encoding));
  };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunshine-county-encodings-'));
    countyDir = path.join(dir, 'county');
    await generateCounty({ scale: 'tiny', seed: 1, outDir: countyDir });
    db = await openDatabase(path.join(dir, 'central'));
  });
  afterEach(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes files saved in GBK and GB18030 with every name exactly as written', async () => {
    const villages = countyRows(countyDir, 'villages');
    rewrite(CountyFile.villages, 'gbk');
    const renamed = new Map<string, string>();
    rewrite(CountyFile.payments, 'gb18030', ([header = '', ...rows]) => {
      const column = header.split(',').indexOf('recipientName');
      return [
        header,
        ...rows.map((row, i) => {
          const name = NAMES[i];
          if (!name) return row;
          const cells = row.split(',');
          cells[column] = name;
          renamed.set(cells[0] ?? '', name);
          return cells.join(',');
        }),
      ];
    });
    await load();
    const villageNames = await published('villages');
    expect(villages.map((v) => villageNames.get(v.code ?? '')?.name)).toEqual(villages.map((v) => v.name));
    const payments = await published('payments');
    expect([...renamed].map(([id]) => payments.get(id)?.recipientName)).toEqual(NAMES);
  });

  it('refuses a file in Big5, naming it, and publishes nothing', async () => {
    rewrite(CountyFile.notices, 'big5');
    await expect(load()).rejects.toMatchObject({ code: 'unknown_encoding', message: expect.stringContaining(CountyFile.notices) });
    expect(await createContentRepository(db).latestVersion()).toBeNull();
  });
});
