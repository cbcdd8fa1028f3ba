// Shared set-up for page tests: Debian's Chromium driven by playwright-core, no browser download.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function withBrowser(options, work) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: options.locale || 'en-GB' });
  const page = await context.newPage();
  // Generous: CI runs the suite on 2 cores, where Tasklist may take a while to list its filters.
  page.setDefaultTimeout(30000);
  const shots = new Screenshots(page, options.outDir, options.name);
  try {
    return await work(page, shots);
  } catch (error) {
    await shots.take('failure').catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
}

class Screenshots {
  constructor(page, outDir, name) {
    this.page = page;
    this.outDir = outDir;
    this.name = name;
    this.count = 0;
    fs.mkdirSync(outDir, { recursive: true });
  }

  async take(step) {
    this.count += 1;
    const file = path.join(this.outDir, `${this.name}-${String(this.count).padStart(2, '0')}-${step}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }
}

/** Fails the scenario with a message the JUnit side prints. */
export function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}
