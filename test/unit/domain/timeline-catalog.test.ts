// The timeline vocabulary: every kind the code writes is in the catalog, the docs list it all, old entries still read.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  TIMELINE_KINDS,
  TIMELINE_KIND_NAMES,
  TIMELINE_RULES,
  TIMELINE_RULE_NAMES,
  timelineCatalogMarkdown,
} from '../../../shared/domain/timeline-catalog';
import { StoredTimelineEntrySchema, TimelineEntrySchema } from '../../../shared/schemas/delinquency.schema';
import { entry } from '../../../shared/use-cases/advance-delinquency/timeline-entries';

const root = join(__dirname, '../../..');
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((file) => file.isFile() && file.name.endsWith('.ts'))
    .map((file) => join(file.parentPath, file.name));

const written = {
  id: 'tl-1',
  at: '2027-01-04T09:00:00.000Z',
  kind: 'reminder.sent',
  actor: 'execution',
  detail: 'email "first-notice" sent',
  rule: 'ladder.step',
};

describe('the timeline catalog', () => {
  it('gives every kind and every rule a meaning', () => {
    for (const meaning of [...Object.values(TIMELINE_KINDS), ...Object.values(TIMELINE_RULES)]) {
      expect(meaning.length).toBeGreaterThan(10);
    }
    expect(TIMELINE_KIND_NAMES).toHaveLength(Object.keys(TIMELINE_KINDS).length);
    expect(TIMELINE_RULE_NAMES).toHaveLength(Object.keys(TIMELINE_RULES).length);
  });

  it('renders as markdown with one row for each kind and each rule', () => {
    const markdown = timelineCatalogMarkdown();
    const rows = markdown.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows).toHaveLength(TIMELINE_KIND_NAMES.length + TIMELINE_RULE_NAMES.length);
    for (const kind of TIMELINE_KIND_NAMES) expect(rows).toContain(`| \`${kind}\` | ${TIMELINE_KINDS[kind]} |`);
    for (const rule of TIMELINE_RULE_NAMES) expect(rows).toContain(`| \`${rule}\` | ${TIMELINE_RULES[rule]} |`);
  });

  // Most writers are held to the catalog by their types; this also catches items an adapter writes as plain records.
  it('names every kind the code writes as a literal', () => {
    const literal = /(?:kind: |entry\(\s*\w+,\s*)'([a-z_]+\.[a-z_]+)'/g;
    const found = new Set<string>();
    for (const file of [...sources('shared'), ...sources('functions')]) {
      for (const match of readFileSync(file, 'utf8').matchAll(literal)) found.add(match[1] ?? '');
    }
    expect(found.size).toBeGreaterThan(20);
    expect([...found].filter((kind) => !(kind in TIMELINE_KINDS))).toEqual([]);
  });

  it('refuses to write a kind or rule it does not name, and reads what older versions wrote', () => {
    expect(TimelineEntrySchema.safeParse(written).success).toBe(true);
    expect(TimelineEntrySchema.safeParse({ ...written, kind: 'reminder.queued' }).success).toBe(false);
    expect(TimelineEntrySchema.safeParse({ ...written, rule: 'ladder.retired' }).success).toBe(false);
    const old = { ...written, kind: 'reminder.queued', rule: 'ladder.retired' };
    expect(StoredTimelineEntrySchema.parse(old)).toEqual(old);
  });

  it('types the pass’s entry helper by the catalog', () => {
    const at = new Date('2027-01-04T09:00:00.000Z');
    expect(entry(at, 'step.deferred', 'held back', { rule: 'contact.quiet-hours' })).toMatchObject({
      kind: 'step.deferred',
      rule: 'contact.quiet-hours',
      actor: 'execution',
    });
    // @ts-expect-error a kind the catalog does not name does not compile
    entry(at, 'step.forgotten', 'x');
    // @ts-expect-error nor does a rule it does not name
    entry(at, 'step.deferred', 'x', { rule: 'contact.sometimes' });
  });
});

describe('the timeline catalog in the README', () => {
  it('is the catalog, line for line', () => {
    const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(timelineCatalogMarkdown());
  });
});
