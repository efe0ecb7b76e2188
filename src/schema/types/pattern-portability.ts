import type {
  IMPORT_MODES,
  IMPORT_OUTCOMES,
  ImportItem,
  ImportReport,
} from '../../domain/pattern/pattern-import.js';
import { builder } from '../builder.js';

export const ImportModeEnum = builder.enumType('ImportMode', {
  description: 'What importPatterns does with a pattern whose id exists.',
  values: {
    CREATE_ONLY: { description: 'Leave it as it is (SKIPPED); only new ids are created.' },
    UPSERT: {
      description:
        'Write the document content as its next version (UPDATED), unless it is the same (UNCHANGED).',
    },
  } satisfies Record<(typeof IMPORT_MODES)[number], { description: string }>,
});

export const ImportOutcomeEnum = builder.enumType('PatternImportOutcome', {
  description: 'What an import did (or, in a dry run, would do) with one pattern.',
  values: {
    CREATED: {
      description: 'A new pattern (with its versions replayed, when the document has them).',
    },
    UPDATED: { description: 'A new version of an existing pattern.' },
    UNCHANGED: { description: 'UPSERT of the content the pattern already has: no new version.' },
    SKIPPED: { description: 'CREATE_ONLY and the id exists.' },
    REFUSED: { description: 'Not written; `code` and `reason` say why.' },
  } satisfies Record<(typeof IMPORT_OUTCOMES)[number], { description: string }>,
});

export const ImportItemRef = builder.objectRef<ImportItem>('PatternImportItem').implement({
  description: 'The outcome for one pattern of an import document.',
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Its index in `document.patterns`.' }),
    id: t.exposeID('id', { description: 'The pattern id.' }),
    outcome: t.expose('outcome', { type: ImportOutcomeEnum, description: 'What happened.' }),
    version: t.exposeInt('version', {
      nullable: true,
      description:
        'The version the pattern is at afterwards (would be, in a dry run); null for an id that is not the caller’s.',
    }),
    code: t.exposeString('code', {
      nullable: true,
      description: 'The error code of a refusal or skip (FORBIDDEN, CONFLICT, ...).',
    }),
    reason: t.exposeString('reason', {
      nullable: true,
      description: 'Why it was skipped or refused.',
    }),
  }),
});

const count = (report: ImportReport, outcome: ImportItem['outcome']) =>
  report.items.filter((item) => item.outcome === outcome).length;

export const ImportReportRef = builder.objectRef<ImportReport>('PatternImportReport').implement({
  description: 'What importPatterns did, pattern by pattern, in document order.',
  fields: (t) => ({
    mode: t.expose('mode', { type: ImportModeEnum, description: 'The mode asked for.' }),
    dryRun: t.exposeBoolean('dryRun', { description: 'True when nothing was written.' }),
    items: t.expose('items', { type: [ImportItemRef], description: 'One per pattern.' }),
    created: t.int({
      description: 'Patterns CREATED.',
      resolve: (report) => count(report, 'CREATED'),
    }),
    updated: t.int({
      description: 'Patterns UPDATED.',
      resolve: (report) => count(report, 'UPDATED'),
    }),
    unchanged: t.int({
      description: 'Patterns UNCHANGED.',
      resolve: (report) => count(report, 'UNCHANGED'),
    }),
    skipped: t.int({
      description: 'Patterns SKIPPED.',
      resolve: (report) => count(report, 'SKIPPED'),
    }),
    refused: t.int({
      description: 'Patterns REFUSED.',
      resolve: (report) => count(report, 'REFUSED'),
    }),
  }),
});
