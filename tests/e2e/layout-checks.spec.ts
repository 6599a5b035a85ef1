/**
 * Two things a person sees and axe does not (issue 14): every checkbox and radio is drawn beside its label,
 * and no page scrolls sideways on a 320 px phone (WCAG 1.4.10 reflow). Each role walks its pages by following
 * the links a person can follow, one page per route (ids and query values folded), and says which route failed.
 */
import { expect, test, type Page } from './test';
import { DEMO_USERS, logIn } from './fixtures';

type Role = {
  name: string;
  email: string | null;
  /** Where the walk starts; pages reached only by typing an address are listed here too. */
  start: string[];
  /** The pages of this role; a link elsewhere is not followed. */
  within: RegExp;
  /** The routes (app/routes) the walk must reach, so a page that stops being linked is noticed. */
  routes: string[];
};

const ROLES: Role[] = [
  {
    name: 'visitor',
    email: null,
    start: ['/login', '/jobs', '/glemt-adgangskode', '/virksomhed/opret', '/beregner'],
    within: /^\/(login|jobs|glemt-adgangskode|virksomhed\/opret|beregner)(\/|$)/,
    routes: ['/login', '/jobs', '/jobs/:id', '/glemt-adgangskode', '/virksomhed/opret', '/beregner'],
  },
  {
    name: 'citizen',
    email: DEMO_USERS.citizen,
    start: ['/borger', '/konto'],
    within: /^\/(borger|jobs|konto)(\/|$)/,
    routes: ['/borger', '/borger/job', '/borger/oensker', '/borger/mine-data', '/borger/forslag/:id', '/borger/aftaler/:id', '/jobs', '/jobs/:id', '/konto', '/konto/notifikationer'],
  },
  {
    name: 'company',
    email: DEMO_USERS.company,
    start: ['/virksomhed', '/konto'],
    within: /^\/(virksomhed|jobs|konto)(\/|$)/,
    routes: [
      '/virksomhed',
      '/virksomhed/profil',
      '/virksomhed/api',
      '/virksomhed/jobopslag/ny',
      '/virksomhed/jobopslag/:id',
      '/virksomhed/forslag',
      '/virksomhed/aftaler',
      '/virksomhed/aftaler/:id',
      '/jobs',
      '/konto',
      '/konto/notifikationer',
    ],
  },
  {
    // The demo company has no proposals at first; the second demo company has one waiting (db/seed.ts).
    name: 'second company',
    email: DEMO_USERS.secondCompany,
    start: ['/virksomhed/forslag'],
    within: /^\/virksomhed\/forslag(\/|$)/,
    routes: ['/virksomhed/forslag', '/virksomhed/forslag/:id'],
  },
  {
    name: 'consultant',
    email: DEMO_USERS.consultant,
    start: ['/konsulent', '/konsulent/interesse', '/konto'],
    within: /^\/(konsulent|jobs|konto)(\/|$)/,
    routes: [
      '/konsulent',
      '/konsulent/borgere',
      '/konsulent/interesse',
      '/konsulent/borgere/ny',
      '/konsulent/borgere/:id',
      '/konsulent/borgere/:id/match',
      '/konsulent/borgere/:id/ret',
      '/konsulent/virksomheder',
      '/konsulent/virksomheder/ny',
      '/konsulent/virksomheder/:id',
      '/konsulent/virksomheder/:id/jobordre',
      '/konsulent/jobopslag/:id',
      '/konsulent/aftaler',
      '/konsulent/aftaler/ny',
      '/konsulent/aftaler/:id',
      '/konsulent/aftaler/:id/genforhandling',
      '/konsulent/tal',
      '/jobs',
      '/konto',
      '/konto/notifikationer',
    ],
  },
  {
    // The leader: the dashboard, and the pages of the mark "Socialt ansvarlig virksomhed" (decisions 032, 033).
    name: 'leader',
    email: DEMO_USERS.leader,
    start: ['/leder', '/leder/maerke', '/konto'],
    within: /^\/(leder|jobs|konto)(\/|$)/,
    routes: ['/leder', '/leder/maerke', '/leder/maerke/:id', '/jobs', '/konto', '/konto/notifikationer'],
  },
  {
    name: 'admin',
    email: DEMO_USERS.admin,
    start: ['/admin', '/konto'],
    within: /^\/(admin|jobs|konto)(\/|$)/,
    routes: ['/admin', '/admin/jobcentre/:id', '/jobs', '/konto', '/konto/notifikationer'],
  },
];

/** Links that are not pages: files, the calendar feed, the mail viewer of the try-out, the API. */
const NOT_A_PAGE = /(\.ics$|\.csv$|\/download$|^\/dev\/|^\/api\/|^\/logout$)/;

/** The route a path belongs to: ids (uuids, numbers) become `:id`. */
function routeOf(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => (/^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(segment) || /^\d+$/.test(segment) ? ':id' : segment))
    .join('/');
}

/** One page per route and set of query names: `?forslag=…` and `?borger=…` are different forms. */
function pageKey(url: URL): string {
  const names = [...new Set(url.searchParams.keys())].sort();
  return names.length > 0 ? `${routeOf(url.pathname)}?${names.join('&')}` : routeOf(url.pathname);
}

const PHONE_WIDTH = 320;
const DESKTOP = { width: 1280, height: 720 };
/** How far a checkbox's box may be from its label's text: the same row, or the row above or below. */
const NEAR = 40;

/**
 * The checkboxes and radios on the page that are drawn far from their label, or whose focus scrolls the label
 * out of sight. DKFDS hides the real input (opacity 0) and draws the box at the same place, so the input's box
 * is where the person sees it.
 */
async function misplacedChoices(page: Page): Promise<string[]> {
  return page.evaluate((near) => {
    const problems: string[] = [];
    const inputs = [...document.querySelectorAll<HTMLInputElement>('input[type=checkbox], input[type=radio]')];
    for (const input of inputs) {
      const label = input.labels?.[0];
      const name = `${input.type} "${(label?.textContent ?? input.name).trim().slice(0, 60)}"`;
      // Not shown (in a closed <details>, say): nothing to see and nothing to focus.
      if (!(label ?? input).checkVisibility()) continue;
      if (!label) {
        problems.push(`${name} has no label`);
        continue;
      }
      label.scrollIntoView({ block: 'center' });
      const labelBox = label.getBoundingClientRect();
      const inputBox = input.getBoundingClientRect();
      const gapX = Math.max(0, labelBox.left - inputBox.right, inputBox.left - labelBox.right);
      const gapY = Math.max(0, labelBox.top - inputBox.bottom, inputBox.top - labelBox.bottom);
      if (gapX > near || gapY > near) {
        problems.push(`${name} is drawn at (${Math.round(inputBox.left)}, ${Math.round(inputBox.top + window.scrollY)}), its label at (${Math.round(labelBox.left)}, ${Math.round(labelBox.top + window.scrollY)})`);
        continue;
      }
      input.focus();
      const focusedLabel = label.getBoundingClientRect();
      if (focusedLabel.bottom < 0 || focusedLabel.top > window.innerHeight) problems.push(`${name}: focusing it scrolls its label out of sight`);
    }
    return problems;
  }, NEAR);
}

/** The smallest chart label on a page as drawn: an SVG's font size times the scale its box gives it. */
const READABLE_PX = 12;

async function tinyChartText(page: Page): Promise<string[]> {
  return page.evaluate((readable) => {
    const problems: string[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>('svg[viewBox]')) {
      if (!svg.checkVisibility()) continue;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      for (const text of svg.querySelectorAll('text')) {
        const size = parseFloat(getComputedStyle(text).fontSize) * scale;
        if (size < readable - 0.05) problems.push(`chart label "${text.textContent}" is ${size.toFixed(1)} px`);
      }
    }
    return problems;
  }, READABLE_PX);
}

/** The page's sideways overflow at its width, and the elements that stick out furthest. */
async function sidewaysOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const culprits = [...document.body.querySelectorAll<HTMLElement>('*')]
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
      .filter((element) => !element.parentElement || element.parentElement.getBoundingClientRect().right <= root.clientWidth + 1)
      .slice(0, 5)
      .map((element) => {
        const classes = element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : '';
        return `${element.tagName.toLowerCase()}${classes} (right edge ${Math.round(element.getBoundingClientRect().right)} px)`;
      });
    return `${root.scrollWidth - root.clientWidth} px too wide: ${culprits.join(', ')}`;
  });
}

for (const role of ROLES) {
  test(`the ${role.name}'s pages draw every checkbox and radio beside its label and do not scroll sideways at 320 px`, async ({ page, baseURL }) => {
    if (role.email) await logIn(page, role.email);
    const origin = new URL(baseURL ?? page.url()).origin;
    const queue = role.start.map((path) => new URL(path, origin));
    const seen = new Set(queue.map(pageKey));
    const problems: string[] = [];
    const visited = new Set<string>();

    for (let url = queue.shift(); url; url = queue.shift()) {
      await page.setViewportSize(DESKTOP);
      const response = await page.goto(url.href);
      const key = pageKey(url);
      expect(response?.ok(), `${url.pathname} answered ${response?.status()}`).toBe(true);
      visited.add(routeOf(new URL(page.url()).pathname));

      for (const problem of await misplacedChoices(page)) problems.push(`${key} at ${DESKTOP.width} px: ${problem}`);
      await page.setViewportSize({ width: PHONE_WIDTH, height: 640 });
      const overflow = await sidewaysOverflow(page);
      if (overflow) problems.push(`${key} at ${PHONE_WIDTH} px: ${overflow}`);
      for (const problem of await misplacedChoices(page)) problems.push(`${key} at ${PHONE_WIDTH} px: ${problem}`);
      for (const problem of await tinyChartText(page)) problems.push(`${key} at ${PHONE_WIDTH} px: ${problem}`);

      const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
      for (const href of hrefs) {
        const next = new URL(href);
        next.hash = '';
        if (next.origin !== origin || !role.within.test(next.pathname) || NOT_A_PAGE.test(next.pathname)) continue;
        const nextKey = pageKey(next);
        if (seen.has(nextKey)) continue;
        seen.add(nextKey);
        queue.push(next);
      }
    }

    expect.soft(role.routes.filter((route) => !visited.has(route)), 'routes the walk did not reach').toEqual([]);
    expect(problems).toEqual([]);
  });
}
