// Page weight and time to interactive of the mobile teams' field screening, on a throttled slow connection (400 ms
// latency, 400 kbit/s each way) at 375 px: the scenario of FieldIT (src/test/browser/field.mjs), run `rounds` times,
// each in a fresh browser context (nothing cached; the pages say no-store anyway).
//   node src/bench/field/measure.mjs <baseUrl> [rounds]
import { chromium } from '../../test/browser/node_modules/playwright-core/index.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { screenOnPhone } from '../../test/browser/field.mjs';

const [baseUrl = 'http://localhost:8080', rounds = '5'] = process.argv.slice(2);
const outDir = path.resolve('target/bench-field');
fs.mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const runs = [];
try {
  for (let round = 0; round < Number(rounds); round++) {
    const page = await (await browser.newContext()).newPage();
    const result = await screenOnPhone(page, null, { baseUrl, user: 'demo-field-police', password: 'Nrm-Demo-2026!',
      indicators: ['DeceivedAboutJob', 'ViolenceDuringRecruitment', 'ExcessiveHours', 'LowOrNoPay', 'PapersKept',
        'DebtBondage'], outDir });
    runs.push({ bytes: result.bytes, requests: result.requests, ttiHome: result.tti.home,
      ttiScreening: result.tti.screening, seconds: result.seconds });
    await page.context().close();
  }
} finally {
  await browser.close();
}
const pct = (values, p) => { const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)]; };
const line = (name, values, unit) => `| ${name} | ${values.length} | ${pct(values, 50)} ${unit} | ${pct(values, 95)} ${unit} | ${Math.max(...values)} ${unit} |`;
const table = [
  `field screening, ${new Date().toISOString()}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB`,
  '| measure | n | p50 | p95 | max |', '|---|---|---|---|---|',
  line('bytes over the wire, all requests (target < 204800)', runs.map(r => r.bytes), 'B'),
  line('requests', runs.map(r => r.requests), ''),
  line('time to interactive, team page', runs.map(r => r.ttiHome), 'ms'),
  line('time to interactive, checklist page', runs.map(r => r.ttiScreening), 'ms'),
  line('scripted screening, end to end', runs.map(r => Math.round(r.seconds)), 's'),
].join('\n');
console.log(table);
fs.writeFileSync(path.join(outDir, `results-${Date.now()}.md`), table + '\n');
