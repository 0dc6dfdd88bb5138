// Browser tests of the web pages, against the application started by BrowserTest (make test).
// playwright-core drives Debian's Chromium (no browser download); axe checks accessibility.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const BASE = process.env.BASE_URL ?? 'http://localhost:8080';
const SHOTS = process.env.SCREENSHOTS ?? 'target/browser';
const TODAY = new Date().toISOString().slice(0, 10);
const USERS = ['finance', 'finance2', 'approver', 'auditor', 'author', 'spain', 'turkey', 'qatar', 'admin'];

let browser;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
});

/** A new browser session logged in as this demo user, on their home page. */
async function logIn(user) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

async function done(page) {
  await page.context().close();
}

/** No serious or critical finding of axe (WCAG 2.1 A and AA) on the page as it is now. */
async function accessible(page, what) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), [],
    `accessibility findings on ${what}`);
}

/** A manual entry (Dr 5500 for the secretariat, Cr 1010) sent for approval; answers the request's page. */
async function requestBankCharge(page, description, amount) {
  await page.goto(`${BASE}/journal-entries/new`);
  await page.getByLabel('Date').fill(TODAY);
  await page.getByLabel('Description').fill(description);
  await page.getByLabel('Account of line 1').fill('5500');
  await page.getByLabel('Debit of line 1').fill(amount);
  await page.getByLabel('Budget component of line 1').fill('SECRETARIAT');
  await page.getByLabel('Account of line 2').fill('1010');
  await page.getByLabel('Credit of line 2').fill(amount);
  await page.getByRole('button', { name: 'Send for approval' }).click();
  await page.waitForURL(/\/approvals\/\d+\?requested/);
  return new URL(page.url()).pathname;
}

/** Does what changes a control, and waits until htmx has swapped and settled the new content. */
async function settled(page, change) {
  await page.evaluate(() => {
    window.htmxSettled = new Promise((resolve, reject) => {
      document.body.addEventListener('htmx:afterSettle', () => resolve('settled'), { once: true });
      setTimeout(() => reject(new Error('htmx did not answer the change within 15 s')), 15000);
    });
  });
  await change();
  await page.evaluate(() => window.htmxSettled);
}

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test('every demo user logs in and lands on the home page of their role', async () => {
  const homes = { finance: '/finance', finance2: '/finance', approver: '/approvals', auditor: '/statements',
    author: '/projections', spain: '/pledge-status', turkey: '/pledge-status', qatar: '/pledge-status', admin: '/fund' };
  for (const user of USERS) {
    const page = await logIn(user);
    assert.equal(new URL(page.url()).pathname, homes[user], `home of ${user}`);
    await assert.doesNotReject(page.getByRole('heading', { level: 1 }).first().waitFor(), `a heading for ${user}`);
    assert.match(await page.locator('header').innerText(), new RegExp(`Logged in as ${user}`));
    await shot(page, `home-${user}`);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login\?out/);
    await done(page);
  }
});

test('a wrong password is refused on the login page', async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${BASE}/login`);
  await page.getByLabel('User name').fill('finance');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/login\?failed/);
  assert.match(await page.getByRole('alert').innerText(), /Wrong user name or password/);
  assert.equal(await page.getByLabel('User name').inputValue(), 'finance', 'the form keeps the user name');
  assert.equal(await page.getByLabel('Password').inputValue(), '', 'never the password');
  await accessible(page, 'login');
  await shot(page, 'login-refused');
  await done(page);
});

test('the finance officer records a receipt, seeing its USD value before saving', async () => {
  const page = await logIn('finance');
  await accessible(page, 'finance dashboard');
  await shot(page, 'finance-dashboard');
  await page.goto(`${BASE}/receipts/new`);
  await page.getByLabel('Contributor').selectOption('TR');
  await page.locator('#agreement option', { hasText: 'AOC/TR/2006-01' }).waitFor({ state: 'attached' });
  const agreement = await page.locator('#agreement option', { hasText: 'AOC/TR/2006-01' }).getAttribute('value');
  await page.getByLabel('Agreement').selectOption(agreement);
  await page.locator('#tranche option', { hasText: 'Tranche 3' }).waitFor({ state: 'attached' });
  await page.getByLabel('Tranche').selectOption('3');
  await page.getByLabel('Amount received').fill('100000.00');
  await page.getByLabel('Currency').fill('USD');
  await page.getByLabel('Received on').fill(TODAY);
  await page.getByLabel('Bank reference').fill('BROWSER-TR-1');
  await page.getByRole('button', { name: 'Show what it would post' }).click();
  const preview = page.locator('#preview .preview');
  await preview.waitFor();
  assert.match(await preview.innerText(), /USD value 100,000\.00 USD/);
  assert.match(await preview.innerText(), /exchange difference 0\.00 USD/);
  await accessible(page, 'receipt form with its preview');
  await shot(page, 'receipt-preview');
  await page.getByRole('button', { name: 'Record the receipt' }).click();
  await page.waitForURL(/\/receipts\/\d+\?recorded/);
  assert.match(await page.getByRole('status').innerText(), /Recorded: journal entry \d+ posted/);
  assert.match(await page.locator('main').innerText(), /100,000\.00 USD/);
  await shot(page, 'receipt-recorded');
  await done(page);
});

test('a receipt form sent twice posts one receipt', async () => {
  const page = await logIn('finance');
  await page.goto(`${BASE}/receipts/new`);
  await page.getByLabel('Contributor').selectOption('TR');
  await page.getByLabel('Amount received').fill('10.00');
  await page.getByLabel('Bank reference').fill('BROWSER-TWICE');
  const fields = Object.fromEntries(await page.locator('#receipt-form').evaluate(
    (form) => [...new FormData(form).entries()]));
  await page.getByRole('button', { name: 'Record the receipt' }).click();
  await page.waitForURL(/\/receipts\/\d+\?recorded/);
  const first = new URL(page.url()).pathname;
  // the same form again, as a reload or a second click would send it
  const again = await page.request.post(`${BASE}/receipts`, { form: fields, maxRedirects: 0 });
  assert.equal(again.status(), 302);
  assert.equal(new URL(again.headers().location, BASE).pathname, first);
  await page.goto(`${BASE}/receipts?sort=id&dir=desc`);
  assert.equal(await page.locator('tr', { hasText: 'BROWSER-TWICE' }).count(), 1);
  await done(page);
});

test('a bank statement is uploaded, its credits reviewed and the unapplied one assigned', async () => {
  const page = await logIn('finance');
  await page.goto(`${BASE}/bank-statements`);
  const csv = 'bookingDate,creditDebit,amount,currency,reference,payerName,payerIban,remittance\n'
    + `${TODAY},CRDT,2500.00,USD,BROWSER-CSV-1,Somebody Unknown,,no reference given\n`;
  await page.getByLabel('Statement file').setInputFiles({ name: 'statement.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByLabel('Account (CSV)').fill('1010');
  await page.getByLabel('Statement reference (CSV)').fill('BROWSER-STMT-1');
  // the statement follows on from the last one the bank sent for 1010 (the demo imports them month by month)
  const imported = await (await page.request.get(`${BASE}/api/bank-statements`)).json();
  const last = imported.filter(s => s.statement_ref.startsWith('1010-')).at(-1);
  const opening = last ? Number(last.closing_balance) : 0;
  await page.getByLabel('Opening balance (CSV)').fill(opening.toFixed(2));
  await page.getByLabel('Closing balance (CSV)').fill((opening + 2500).toFixed(2));
  await page.getByRole('button', { name: 'Import' }).click();
  const matches = page.locator('table', { has: page.locator('caption', { hasText: 'Credits and what they were matched to' }) });
  await matches.waitFor();
  assert.match(await matches.innerText(), /BROWSER-CSV-1/);
  assert.match(await matches.innerText(), /2,500\.00 USD/);
  await accessible(page, 'bank statement imported');
  await shot(page, 'bank-statement-imported');
  await matches.getByRole('link', { name: /Assign/ }).click();
  await page.waitForURL(/\/receipts\/\d+/);
  const target = await page.locator('#target option', { hasText: 'AOC/TR/2006-01, tranche 3' }).getAttribute('value');
  await page.getByLabel('Agreement and tranche').selectOption(target);
  await page.getByLabel('Date').fill(TODAY);
  await page.getByRole('button', { name: 'Assign' }).click();
  await page.waitForURL(/assigned/);
  assert.match(await page.getByRole('status').innerText(), /Assigned/);
  assert.match(await page.locator('main').innerText(), /Unapplied\s+0\.00 USD/);
  await shot(page, 'receipt-assigned');
  await done(page);
});

test('the finance officer announces a pledge and signs an agreement with its tranches', async () => {
  const page = await logIn('finance');
  await page.goto(`${BASE}/agreements/pledges/new`);
  await page.getByLabel('Contributor').selectOption('FI');
  await page.getByLabel('Amount').fill('250000.00');
  await page.getByLabel('Expected on').fill(TODAY);
  await page.getByRole('button', { name: 'Announce the pledge' }).click();
  await page.waitForURL(/announced/);
  assert.match(await page.locator('tr', { hasText: '250,000.00 USD' }).first().innerText(), /FI.*ANNOUNCED/s);

  await page.goto(`${BASE}/agreements/new`);
  await page.getByLabel('Contributor').selectOption('FI');
  await page.getByLabel('Reference').fill('AOC/FI/BROWSER');
  const pledge = await page.locator('#pledge option', { hasText: '250,000.00 USD' }).first().getAttribute('value');
  await page.getByLabel('Fulfils pledge').selectOption(pledge);
  await page.getByLabel('Due date of tranche 1').fill(TODAY);
  await page.getByLabel('Amount of tranche 1').fill('150000.00');
  await page.getByLabel('Due date of tranche 2').fill(TODAY);
  await page.getByLabel('Amount of tranche 2').fill('1O0000.00'); // a letter O: refused
  await page.getByRole('button', { name: 'Sign the agreement' }).click();
  await page.locator('#tranches-error').waitFor();
  assert.match(await page.locator('#tranches-error').innerText(), /'1O0000\.00' is not an amount/);
  assert.equal(await page.getByLabel('Reference').inputValue(), 'AOC/FI/BROWSER');
  assert.equal(await page.getByLabel('Amount of tranche 1').inputValue(), '150000.00');
  await accessible(page, 'refused agreement');
  await page.getByLabel('Amount of tranche 2').fill('100000.00');
  await page.getByLabel('Tranche 2 is subject to appropriation').check();
  await page.getByRole('button', { name: 'Sign the agreement' }).click();
  await page.waitForURL(/\/agreements\/\d+\?signed/);
  const tranches = await page.locator('main table').innerText();
  assert.match(tranches, /150,000\.00 USD/);
  assert.match(tranches, /100,000\.00 USD/);
  assert.match(tranches, /SUBJECT_TO_APPROPRIATION/);
  await shot(page, 'agreement-signed');
  // the parliament appropriates the second tranche: confirmed, it becomes a receivable
  await page.getByLabel('Appropriated on').fill(TODAY);
  await page.getByRole('button', { name: 'Confirm tranche 2' }).click();
  await page.waitForURL(/confirmed=2/);
  assert.doesNotMatch(await page.locator('main table').innerText(), /SUBJECT_TO_APPROPRIATION/);
  await done(page);
});

test('an allowance is recorded and a write-off waits for another officer', async () => {
  const page = await logIn('finance');
  await page.goto(`${BASE}/agreements/write-offs`);
  const target = await page.locator('#target option', { hasText: 'AOC/FI/BROWSER, tranche 1' }).getAttribute('value');
  await page.getByLabel('Agreement and tranche').selectOption(target);
  await page.getByLabel('Amount (empty: all that is outstanding)').fill('50000.00');
  await page.getByLabel('Date').fill(TODAY);
  await page.getByRole('button', { name: 'Record an allowance' }).click();
  await page.locator('#reason-error').waitFor();
  assert.equal(await page.getByLabel('Amount (empty: all that is outstanding)').inputValue(), '50000.00');
  await page.getByLabel('Reason').fill('Parliament has not voted the budget line');
  await page.getByRole('button', { name: 'Record an allowance' }).click();
  await page.waitForURL(/allowed/);
  assert.match(await page.locator('tr', { hasText: 'ALLOWANCE' }).innerText(), /50,000\.00 USD/);
  await page.getByLabel('Agreement and tranche').selectOption(target);
  await page.getByLabel('Amount (empty: all that is outstanding)').fill('50000.00');
  await page.getByLabel('Reason').fill('Will not be paid');
  await page.getByRole('button', { name: 'Ask for the write-off (approval)' }).click();
  await page.waitForURL(/\/approvals\/\d+\?requested/);
  assert.match(await page.locator('main').innerText(), /WRITE_OFF/);
  await accessible(page, 'write-off request');
  await shot(page, 'write-off-requested');
  await done(page);
});

test('the programme support cost remittance waits for approval and a refund is requested', async () => {
  const page = await logIn('finance');
  await page.goto(`${BASE}/spending/payables`);
  const owed = await page.locator('tr', { hasText: '2150' }).innerText();
  await page.getByLabel('Amount (empty: all that is payable)').fill('100.00');
  await page.getByLabel('Date of the remittance').fill(TODAY);
  await page.getByRole('button', { name: 'Remit' }).click();
  // a disbursement (R19): it waits for an approving officer, and nothing is paid until then
  await page.waitForURL(/\/approvals\/\d+/);
  const pending = await page.locator('main').innerText();
  assert.match(pending, /PSC_REMITTANCE/);
  assert.match(pending, /USD 100\.00/);
  await page.goto(`${BASE}/spending/payables`);
  assert.equal(await page.locator('tr', { hasText: '2150' }).innerText(), owed);
  await page.getByLabel('Contributor (code)').fill('NO');
  await page.getByLabel('Amount (USD)').fill('abc');
  await page.getByRole('button', { name: 'Send for approval' }).click();
  await page.locator('#refundAmount-error').waitFor();
  assert.equal(await page.getByLabel('Contributor (code)').inputValue(), 'NO');
  await shot(page, 'payables');
  await done(page);
});

test('the login form works with the keyboard alone', async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${BASE}/login`);
  await page.locator('#username:focus').waitFor(); // the form puts the cursor in the first field
  await page.keyboard.press('End');
  await page.keyboard.type('auditor');
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/statements/);
  // the skip link is the first stop of the tab order and leads to the content
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Skip to content');
  await done(page);
});

test('a refused receipt shows the reason next to the field and keeps what was typed', async () => {
  const page = await logIn('finance');
  // a bad amount
  await page.goto(`${BASE}/receipts/new`);
  await page.getByLabel('Amount received').fill('12,50x');
  await page.getByLabel('Bank reference').fill('TYPED-REF-1');
  await page.getByRole('button', { name: 'Record the receipt' }).click();
  await page.locator('#amount-error').waitFor();
  assert.match(await page.locator('#amount-error').innerText(), /'12,50x' is not an amount/);
  assert.equal(await page.getByLabel('Amount received').inputValue(), '12,50x');
  assert.equal(await page.getByLabel('Bank reference').inputValue(), 'TYPED-REF-1');
  assert.equal(await page.getByLabel('Amount received').getAttribute('aria-invalid'), 'true');
  await accessible(page, 'refused receipt form');
  await shot(page, 'receipt-bad-amount');

  // a closed period: close January 2005 on the periods page, then date a receipt in it
  await page.goto(`${BASE}/periods?year=2005`);
  await page.getByRole('button', { name: 'Close 2005-01' }).click();
  await page.waitForURL(/closed=2005-01/);
  assert.match(await page.getByRole('status').innerText(), /Closed 2005-01/);
  await page.goto(`${BASE}/receipts/new`);
  await page.getByLabel('Contributor').selectOption('TR');
  await page.getByLabel('Amount received').fill('5000.00');
  await page.getByLabel('Received on').fill('2005-01-20');
  await page.getByLabel('Bank reference').fill('TYPED-REF-2');
  await page.getByRole('button', { name: 'Record the receipt' }).click();
  await page.locator('#receivedOn-error').waitFor();
  assert.match(await page.locator('#receivedOn-error').innerText(), /2005-01.*closed/i);
  assert.match(await page.getByRole('alert').innerText(), /Period closed/);
  assert.equal(await page.getByLabel('Received on').inputValue(), '2005-01-20');
  assert.equal(await page.getByLabel('Amount received').inputValue(), '5000.00');
  assert.equal(await page.getByLabel('Contributor').inputValue(), 'TR');
  await shot(page, 'receipt-closed-period');
  // reopening the period needs a reason and another officer's approval
  await page.goto(`${BASE}/periods?year=2005`);
  await page.getByRole('button', { name: 'Ask to reopen 2005-01' }).click();
  await page.locator('[id="reason-2005-01-error"]').waitFor();
  await page.getByLabel('Reason for reopening 2005-01').fill('A receipt of January 2005 was missed');
  await page.getByRole('button', { name: 'Ask to reopen 2005-01' }).click();
  await page.waitForURL(/\/approvals\/\d+\?requested/);
  assert.match(await page.locator('main').innerText(), /PERIOD_REOPENING|REOPEN/);
  await done(page);
});

test('an expenditure beyond the funds available is refused with the figure, keeping the form', async () => {
  const page = await logIn('finance');
  await page.goto(`${BASE}/spending`);
  await page.getByLabel('Budget component').selectOption('HLG');
  await page.locator('#available-figure').waitFor();
  const available = await page.locator('#available-figure').innerText();
  await page.getByLabel('Amount').fill('999999999.00');
  await page.getByLabel('Payee').fill('Typed payee');
  await page.getByLabel('Description').fill('More than the fund holds');
  await page.getByRole('button', { name: 'Record' }).click();
  await page.locator('#amount-error').waitFor();
  assert.match(await page.locator('#amount-error').innerText(), /available|exceeds|insufficient/i);
  assert.match(await page.getByRole('alert').innerText(), /Insufficient funds/);
  assert.equal(await page.getByLabel('Amount').inputValue(), '999999999.00');
  assert.equal(await page.getByLabel('Payee').inputValue(), 'Typed payee');
  assert.equal(await page.locator('#available-figure').innerText(), available, 'availability unchanged: nothing written');
  await accessible(page, 'refused expenditure');
  await shot(page, 'spending-refused');
  await done(page);
});

test('a manual entry waits for another officer, who approves it; it is then in the journal', async () => {
  const maker = await logIn('finance');
  const request = await requestBankCharge(maker, 'Bank charges for the browser test', '12.34');
  assert.equal(await maker.getByRole('button', { name: 'Approve and post' }).count(), 0, 'the maker cannot approve');
  await done(maker);

  const checker = await logIn('approver');
  const queued = checker.locator('tr', { hasText: 'Bank charges for the browser test' }).first();
  assert.match(await queued.innerText(), /MANUAL_ENTRY.*USD 12\.34.*finance/s);
  await accessible(checker, 'approval queue');
  await shot(checker, 'approvals-queue');
  await checker.goto(`${BASE}${request}`);
  assert.match(await checker.locator('main').innerText(), /5500/);
  await shot(checker, 'approval-request');
  await checker.getByRole('button', { name: 'Approve and post' }).click();
  await checker.waitForURL(/decided/);
  assert.match(await checker.getByRole('status').innerText(), /APPROVED/);
  const entry = (await checker.locator('#posted-entry').innerText()).replace('entry ', '');
  await done(checker);

  // the finance officer asks for its reversal (a reason is needed), the approving officer approves it
  const again = await logIn('finance');
  await again.goto(`${BASE}/journal-entries/${entry}`);
  await again.getByRole('button', { name: 'Request the reversal' }).click();
  await again.locator('#reason-error').waitFor();
  assert.match(await again.locator('#reason-error').innerText(), /say why/);
  await again.getByLabel('Reason').fill('Charged twice by the bank');
  await again.getByRole('button', { name: 'Request the reversal' }).click();
  await again.waitForURL(/\/approvals\/\d+\?requested/);
  const reversal = new URL(again.url()).pathname;
  await done(again);
  const checker3 = await logIn('approver');
  await checker3.goto(`${BASE}${reversal}`);
  assert.match(await checker3.locator('main table').first().innerText(), /5500\t\t12\.34/, "the debit of 5500 comes back as a credit");
  await checker3.getByRole('button', { name: 'Approve and post' }).click();
  await checker3.waitForURL(/decided/);
  await checker3.goto(`${BASE}/journal-entries/${entry}`);
  assert.match(await checker3.locator('main').innerText(), /reversed by entry \d+/);
  await done(checker3);

  // another request, rejected: first without a reason (refused, said next to the field), then with one
  const second = await logIn('finance2');
  const rejected = await requestBankCharge(second, 'An entry to reject', '1.00');
  await done(second);
  const checker2 = await logIn('approver');
  await checker2.goto(`${BASE}${rejected}`);
  await checker2.getByRole('button', { name: 'Reject' }).click();
  await checker2.locator('#reason-error').waitFor();
  assert.match(await checker2.locator('#reason-error').innerText(), /say why/);
  await checker2.getByLabel('Reason for rejecting').fill('Not our bank charge');
  await checker2.getByRole('button', { name: 'Reject' }).click();
  await checker2.waitForURL(/decided/);
  assert.match(await checker2.locator('main').innerText(), /REJECTED.*Not our bank charge/s);
  await done(checker2);

  const auditor = await logIn('auditor');
  await auditor.goto(`${BASE}/journal-entries?from=${TODAY}&to=${TODAY}`);
  assert.equal(await auditor.locator('tr', { hasText: 'An entry to reject' }).count(), 0, 'a rejected entry is not posted');
  const row = auditor.locator('tr', { hasText: 'Bank charges for the browser test' });
  assert.match(await row.innerText(), /finance\s+approver/);
  await done(auditor);
});

test('the auditor sees the receipt in the statements and downloads a PDF', async () => {
  const page = await logIn('auditor');
  await accessible(page, 'statements');
  await page.goto(`${BASE}/statements?name=contributions&from=2005-01-01&to=${TODAY}`);
  const turkey = page.locator('tr', { hasText: 'AOC/TR/2006-01' });
  // 300,000.00 outstanding less the receipt of 100,000.00 and the 2,500.00 assigned from the bank statement
  assert.match(await turkey.innerText(), /\t197,500\.00$/, 'outstanding after the receipts of the browser tests');
  await shot(page, 'statement-contributions');
  await page.goto(`${BASE}/statements?name=general-ledger&from=${TODAY}&to=${TODAY}`);
  const ledger = await page.locator('main').innerText();
  assert.match(ledger, /100,000\.00/);
  assert.match(ledger, /Bank charges for the browser test/);
  assert.match(ledger, /Reversal of entry \d+: Charged twice by the bank/);
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('link', { name: /as PDF/ }).click()]);
  const file = await download.path();
  assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-');
  assert.match(download.suggestedFilename(), /general-ledger_.*\.pdf/);

  await page.goto(`${BASE}/audit-log`);
  await page.getByLabel('User').fill('finance');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL(/actor=finance/);
  assert.match(await page.locator('main').innerText(), /POST \/receipts/);
  await accessible(page, 'audit log');
  await shot(page, 'audit-log');
  await page.goto(`${BASE}/integrity`);
  assert.match(await page.getByRole('status').innerText(), /VERIFIED/);
  await shot(page, 'integrity');
  await done(page);
});

test('a donor sees only its own contributions, in the page and in its downloads', async () => {
  const page = await logIn('qatar');
  const text = await page.locator('main').innerText();
  assert.match(text, /Pledge status of QA/);
  for (const other of ['AOC/TR', 'AOC/ES', 'Spain', 'Türkiye', 'Turkey', 'Finland', 'ISESCO']) {
    assert.ok(!text.includes(other), `the donor's page shows ${other}`);
  }
  await accessible(page, 'pledge status');
  await shot(page, 'pledge-status-qatar');
  const csv = await page.request.get(BASE + await page.getByRole('link', { name: /as CSV/ }).first().getAttribute('href'));
  assert.equal(csv.status(), 200);
  const body = await csv.text();
  for (const other of ['AOC/TR', 'AOC/ES', 'Spain', 'Türkiye']) {
    assert.ok(!body.includes(other), `the donor's CSV shows ${other}`);
  }
  // pages of the books are not for a donor; another contributor's agreement is not there
  const finance = await page.goto(`${BASE}/finance`);
  assert.equal(finance.status(), 403);
  const statements = await page.goto(`${BASE}/statements`);
  assert.equal(statements.status(), 200);
  const names = await page.getByLabel('Statement').locator('option').allInnerTexts();
  assert.deepEqual(names.sort(), ['contributions', 'funding-status']);
  const statementText = await page.locator('main').innerText();
  for (const other of ['AOC/TR', 'AOC/ES', 'Spain']) {
    assert.ok(!statementText.includes(other), `the donor's statement shows ${other}`);
  }
  await done(page);
});

test('a co-sponsor sees the status of its own pledges by tranche and year', async () => {
  const page = await logIn('spain');
  const text = await page.locator('main').innerText();
  assert.match(text, /Pledge status of ES/);
  assert.match(text, /By year due/);
  // its own agreements by tranche; the fund-wide statements below are what a co-sponsor follows
  const tranches = await page.locator('table', { has: page.locator('th', { hasText: 'Tranche' }) }).first().innerText();
  assert.match(tranches, /AOC\/ES/);
  assert.ok(!tranches.includes('AOC/TR'), 'Spain\'s tranches show Turkey\'s agreement');
  await shot(page, 'pledge-status-spain');
  await done(page);
});

test('the report author changes the projection scenario and previews the financing section', async () => {
  const page = await logIn('author');
  await page.locator('svg[role="img"]').waitFor();
  const baseGap = await page.locator('#funding-gap').innerText();
  await accessible(page, 'projections');
  await shot(page, 'projections-base');
  await settled(page, () => page.getByLabel('Scenario').selectOption('conservative'));
  await page.locator('#result h2', { hasText: 'Scenario conservative' }).waitFor();
  assert.ok((await page.locator('#funding-gap').innerText()).endsWith('USD'));
  await settled(page, () => page.getByLabel('Scenario').selectOption('custom'));
  await page.locator('#result h2', { hasText: 'Scenario custom' }).waitFor();
  await page.getByLabel('Announced pledges collected (%)').fill('150');
  await settled(page, () => page.getByLabel('Announced pledges collected (%)').dispatchEvent('change'));
  await page.locator('#pledgesPercent-error').waitFor();
  assert.match(await page.locator('#pledgesPercent-error').innerText(), /share from 0 to 1/);
  assert.equal(await page.getByLabel('Announced pledges collected (%)').inputValue(), '150');
  await page.getByLabel('Announced pledges collected (%)').fill('50');
  await settled(page, () => page.getByLabel('Announced pledges collected (%)').dispatchEvent('change'));
  await page.locator('#pledgesPercent-error').waitFor({ state: 'detached' });
  await page.locator('#result h2', { hasText: 'Scenario custom' }).waitFor();
  await shot(page, 'projections-custom');
  assert.ok(baseGap.endsWith('USD'));

  await page.goto(`${BASE}/financing-section`);
  const frame = page.frameLocator('iframe.section');
  await frame.locator('h1, h2').first().waitFor();
  await shot(page, 'financing-section');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF' }).click()]);
  assert.equal(readFileSync(await download.path()).subarray(0, 5).toString(), '%PDF-');
  await accessible(page, 'financing section');
  await done(page);
});

test('the finance officer keeps the exchange rates and does the period-end work', async () => {
  const page = await logIn('finance');
  await page.goto(`${BASE}/exchange-rates`);
  await page.getByLabel('Currency', { exact: true }).first().fill('NOK');
  await page.getByLabel('In force from').fill('2026-01-01');
  await page.getByLabel('Units per USD').fill('10,1');
  await page.getByRole('button', { name: 'Add the rate' }).click();
  await page.locator('#rate-error').waitFor();
  assert.match(await page.locator('#rate-error').innerText(), /'10,1' is not an amount/);
  assert.equal(await page.getByLabel('In force from').inputValue(), '2026-01-01');
  await page.getByLabel('Units per USD').fill('10.10000');
  await page.getByRole('button', { name: 'Add the rate' }).click();
  await page.waitForURL(/added=NOK/);
  assert.match(await page.locator('tr', { hasText: 'NOK' }).first().innerText(), /2026-01-01\s+10\.1/);
  await accessible(page, 'exchange rates');
  await shot(page, 'exchange-rates');

  await page.goto(`${BASE}/periods`);
  await page.getByLabel('Date').fill(TODAY);
  await page.getByRole('button', { name: 'Revalue foreign-currency balances' }).click();
  await page.waitForURL(/revalued=/);
  assert.match(await page.getByRole('status').innerText(), /revalued at the rates of/);
  await page.getByLabel('Year').last().fill('20x6');
  await page.getByRole('button', { name: 'Close the year into net assets' }).click();
  await page.locator('#closeYear-error').waitFor();
  assert.equal(await page.getByLabel('Year').last().inputValue(), '20x6');
  await shot(page, 'periods-period-end');
  await done(page);
});

test('the administrator asks for new fund parameters, the finance officer for an allotment; both approved', async () => {
  const admin = await logIn('admin');
  await admin.getByLabel('In force from').fill('2027-01-01');
  await admin.getByLabel('Programme support cost (%)').fill('150');
  await admin.getByRole('button', { name: 'Send for approval' }).click();
  await admin.locator('#pscPercent-error').waitFor();
  assert.match(await admin.locator('#pscPercent-error').innerText(), /percentage from 0 to 100/);
  assert.equal(await admin.getByLabel('In force from').inputValue(), '2027-01-01');
  await admin.getByLabel('Programme support cost (%)').fill('12');
  await admin.getByRole('button', { name: 'Send for approval' }).click();
  await admin.waitForURL(/\/approvals\/\d+\?requested/);
  const parameters = new URL(admin.url()).pathname;
  await done(admin);

  const finance = await logIn('finance');
  await finance.goto(`${BASE}/spending/plans`);
  await finance.getByLabel('Component').selectOption('HLG');
  await finance.getByLabel('Year').fill('2027');
  await finance.getByLabel('Amount (USD)').fill('250000.00');
  await finance.getByRole('button', { name: 'Send for approval' }).click();
  await finance.waitForURL(/\/approvals\/\d+\?requested/);
  const allotment = new URL(finance.url()).pathname;
  await done(finance);

  const approver = await logIn('approver');
  for (const request of [parameters, allotment]) {
    await approver.goto(`${BASE}${request}`);
    await approver.getByRole('button', { name: 'Approve and post' }).click();
    await approver.waitForURL(/decided/);
  }
  await approver.goto(`${BASE}/fund`);
  assert.match(await approver.locator('main').innerText(), /2027-01-01\s+0\.12/);
  await accessible(approver, 'fund');
  await shot(approver, 'fund');
  await approver.goto(`${BASE}/spending/plans`);
  assert.match(await approver.locator('main').innerText(), /2027\s+HLG\s+250,000\.00\s+finance\s+approver/);
  await shot(approver, 'plans-and-allotments');
  await done(approver);
});

test('the main pages of the finance office have no serious accessibility finding', async () => {
  const page = await logIn('finance');
  for (const path of ['/finance', '/receipts', '/receipts/new', '/bank-statements', '/agreements', '/agreements/new',
    '/agreements/pledges/new', '/agreements/contributors/new', '/agreements/write-offs', '/spending', '/journal-entries', '/journal-entries/new',
    '/periods', '/exchange-rates', '/spending/plans', '/spending/payables', '/fund', '/approvals?status=ALL', '/statements?name=general-ledger&from=2006-01-01&to=2006-12-31']) {
    await page.goto(`${BASE}${path}`);
    await accessible(page, path);
    await shot(page, `finance${path.replace(/\?.*/, '').replaceAll('/', '-')}`);
  }
  await done(page);
});
