// Shared set-up for page tests: Debian's Chromium driven by playwright-core, no browser download.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

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
  const traffic = new Traffic(page);
  try {
    return await work(page, shots);
  } catch (error) {
    await shots.take('failure').catch(() => {});
    if (error instanceof Error) {
      error.traffic = traffic.summary();
    }
    throw error;
  } finally {
    await browser.close();
  }
}

/**
 * What the page asked of the service and did not get: requests still unanswered, requests that failed, answers of
 * 400 and more, and script errors. Told with a failure, so that a page stuck on its loading screen says why.
 */
class Traffic {
  constructor(page) {
    this.pending = new Map();
    this.problems = [];
    page.on('request', request => this.pending.set(request, Date.now()));
    page.on('requestfinished', request => this.pending.delete(request));
    page.on('requestfailed', request => {
      this.pending.delete(request);
      this.problems.push(`failed ${request.method()} ${request.url()}: ${request.failure()?.errorText}`);
    });
    page.on('response', response => {
      if (response.status() >= 400) {
        this.problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
      }
    });
    page.on('pageerror', error => this.problems.push(`script error: ${error.message}`));
  }

  summary() {
    const now = Date.now();
    const unanswered = [...this.pending].map(([request, since]) =>
      `unanswered for ${Math.round((now - since) / 1000)} s: ${request.method()} ${request.url()}`);
    const lines = [...unanswered, ...this.problems.slice(-15)];
    return lines.length === 0 ? '' : `\nThe page's traffic:\n  ${lines.join('\n  ')}`;
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
 * code where the account has a second factor. The Java side passes per user in `codes` either a fresh code, or, for a
 * scenario that may reach the user minutes later (when a code would have gone stale), the authenticator app's key and
 * the last time step it used: the code is then made here at the moment it is asked for.
 */
export async function signInHere(page, { user, password, codes }) {
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForLoadState('domcontentloaded');
  if (new URL(page.url()).pathname === '/login/code') {
    const given = codes && codes[user];
    expect(given, `${user} is asked for a second factor and the test gave no code`);
    const code = typeof given === 'string' ? given : await totpAfter(given.key, given.after);
    // The code page speaks the user's chosen language: found by its field and its form's button, not their words.
    await page.locator('input[name=code]').fill(code);
    await page.locator('form[action$="/login/code"] button[type=submit]').click();
    await page.waitForLoadState('domcontentloaded');
  }
}

/**
 * An RFC 6238 code (SHA-1, 6 digits, 30 s) for the first time step after `after`, at most one step ahead of the clock
 * (the service takes a step either side of its own, as phones' clocks drift; SecondFactorCodes does the same), waiting
 * for the clock only when the next step is used too.
 */
async function totpAfter(base32Key, after) {
  const step = Math.max(Math.floor(Date.now() / 30000), after + 1);
  while (Math.floor(Date.now() / 30000) < step - 1) {
    await new Promise(resolve => setTimeout(resolve, (step - 1) * 30000 - Date.now() + 200));
  }
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = [];
  let buffer = 0;
  let bits = 0;
  for (const c of base32Key) {
    buffer = (buffer << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hash = crypto.createHmac('sha1', Buffer.from(bytes)).update(counter).digest();
  const offset = hash[hash.length - 1] & 0xf;
  const binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
  return String(binary % 1000000).padStart(6, '0');
}
