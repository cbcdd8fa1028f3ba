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
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
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

/**
 * The service's sign-in page (ADR 21), for our pages and the webapps alike: user name and password, then the one-time
 * code where the account has a second factor (the Java side passes a fresh code per user in `codes`).
 */
export async function signInHere(page, { user, password, codes }) {
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForLoadState('domcontentloaded');
  if (new URL(page.url()).pathname === '/login/code') {
    const code = codes && codes[user];
    expect(code, `${user} is asked for a second factor and the test gave no code`);
    await page.getByLabel('Code from your authenticator app').fill(code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForLoadState('domcontentloaded');
  }
}
