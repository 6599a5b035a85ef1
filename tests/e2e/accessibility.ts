/** Accessibility checks for the e2e specs: axe-core over the page as it is, WCAG 2.1 A and AA. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from './test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** @axe-core/playwright types its page with the top-level playwright-core, @playwright/test ships its own. */
type AxePage = ConstructorParameters<typeof AxeBuilder>[0]['page'];

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

const described = (violations: Violation[]) => violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);

async function violationsOn(page: Page): Promise<Violation[]> {
  return (await new AxeBuilder({ page: page as unknown as AxePage }).withTags(WCAG_TAGS).analyze()).violations;
}

export async function expectNoAxeViolations(page: Page) {
  expect(described(await violationsOn(page))).toEqual([]);
}

/** The citizen pages' bar (issue 5): no serious or critical violations. */
export async function expectNoSeriousAxeViolations(page: Page) {
  const serious = (await violationsOn(page)).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(described(serious)).toEqual([]);
}
