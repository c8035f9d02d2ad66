// The words of every reminder, per template and locale (English and Norwegian Bokmål). Placeholders are {name}.

export type TemplateLocale = 'en' | 'nb';

export interface EmailTemplate {
  subject: string;
  /** Paragraphs separated by blank lines. */
  body: string;
}

export const EMAIL_TEMPLATES: Record<string, Record<TemplateLocale, EmailTemplate>> = {
  upcoming: {
    en: {
      subject: '{tenant}: invoice {invoice} is due on {dueDate}',
      body: 'Dear {customer},\n\nA friendly reminder that invoice {invoice} for {amount} is due on {dueDate}.\n\nIf you have already paid, thank you, and please ignore this message.',
    },
    nb: {
      subject: '{tenant}: faktura {invoice} forfaller {dueDate}',
      body: 'Hei {customer},\n\nEn vennlig påminnelse om at faktura {invoice} på {amount} forfaller {dueDate}.\n\nHar du allerede betalt, takk, og se bort fra denne meldingen.',
    },
  },
  overdue: {
    en: {
      subject: '{tenant}: invoice {invoice} is overdue',
      body: 'Dear {customer},\n\nInvoice {invoice} was due on {dueDate} and {amount} is still open.\n\nPlease pay at your earliest convenience. If something is wrong with the invoice, tell us through the link below.',
    },
    nb: {
      subject: '{tenant}: faktura {invoice} er forfalt',
      body: 'Hei {customer},\n\nFaktura {invoice} forfalt {dueDate}, og {amount} er fortsatt ubetalt.\n\nVennligst betal så snart som mulig. Er noe galt med fakturaen, gi oss beskjed via lenken under.',
    },
  },
  'second-reminder': {
    en: {
      subject: '{tenant}: second reminder for invoice {invoice}',
      body: 'Dear {customer},\n\nWe have not yet received payment of {amount} for invoice {invoice}, due on {dueDate} ({daysOverdue} days ago).\n\nPlease pay now, or contact us if you need a payment plan.',
    },
    nb: {
      subject: '{tenant}: andre påminnelse for faktura {invoice}',
      body: 'Hei {customer},\n\nVi har ennå ikke mottatt betaling av {amount} for faktura {invoice}, som forfalt {dueDate} (for {daysOverdue} dager siden).\n\nVennligst betal nå, eller kontakt oss hvis du trenger en betalingsplan.',
    },
  },
  'late-fee': {
    en: {
      subject: '{tenant}: a late fee was added to invoice {invoice}',
      body: 'Dear {customer},\n\nInvoice {invoice} is {daysOverdue} days overdue. A late fee of {fee} has been added, and {amount} is now due.\n\nPay now to avoid further steps.',
    },
    nb: {
      subject: '{tenant}: purregebyr lagt til faktura {invoice}',
      body: 'Hei {customer},\n\nFaktura {invoice} er {daysOverdue} dager forfalt. Et purregebyr på {fee} er lagt til, og {amount} skal nå betales.\n\nBetal nå for å unngå videre tiltak.',
    },
  },
  receipt: {
    en: {
      subject: '{tenant}: thank you, invoice {invoice} is paid',
      body: 'Dear {customer},\n\nThank you: we have received your payment and invoice {invoice} is now paid in full. Nothing more is owed on it, and no further reminders will be sent about it.',
    },
    nb: {
      subject: '{tenant}: takk, faktura {invoice} er betalt',
      body: 'Hei {customer},\n\nTakk: vi har mottatt betalingen din, og faktura {invoice} er nå betalt i sin helhet. Det gjenstår ingenting, og du får ingen flere påminnelser om den.',
    },
  },
  'promise-reminder': {
    en: {
      subject: '{tenant}: your payment for invoice {invoice} is due tomorrow',
      body: 'Dear {customer},\n\nThank you for promising to pay {promisedAmount} for invoice {invoice} by {promisedDate}. This is a reminder that the date is tomorrow.\n\nIf you have already paid, thank you, and please ignore this message.',
    },
    nb: {
      subject: '{tenant}: betalingen for faktura {invoice} forfaller i morgen',
      body: 'Hei {customer},\n\nTakk for at du har lovet å betale {promisedAmount} for faktura {invoice} innen {promisedDate}. Dette er en påminnelse om at datoen er i morgen.\n\nHar du allerede betalt, takk, og se bort fra denne meldingen.',
    },
  },
  'plan-reminder': {
    en: {
      subject: '{tenant}: your next instalment for invoice {invoice} is due on {promisedDate}',
      body: 'Dear {customer},\n\nThis is a reminder that the next instalment of your payment plan for invoice {invoice}, {promisedAmount}, is due on {promisedDate}.\n\nIf it is collected automatically, please make sure the funds are available. If you have already paid, thank you.',
    },
    nb: {
      subject: '{tenant}: neste avdrag for faktura {invoice} forfaller {promisedDate}',
      body: 'Hei {customer},\n\nDette er en påminnelse om at neste avdrag i nedbetalingsplanen for faktura {invoice}, {promisedAmount}, forfaller {promisedDate}.\n\nTrekkes det automatisk, sørg for at det er dekning. Har du allerede betalt, takk.',
    },
  },
  'final-notice': {
    en: {
      subject: '{tenant}: final notice for invoice {invoice}',
      body: 'Dear {customer},\n\nThis is our final notice. {amount} for invoice {invoice} is {daysOverdue} days overdue.\n\nIf it is not paid, the debt will be handed to a collection agency. Pay now, or contact us to agree a plan.',
    },
    nb: {
      subject: '{tenant}: siste varsel for faktura {invoice}',
      body: 'Hei {customer},\n\nDette er vårt siste varsel. {amount} for faktura {invoice} er {daysOverdue} dager forfalt.\n\nBlir beløpet ikke betalt, overføres kravet til inkasso. Betal nå, eller kontakt oss for å avtale en plan.',
    },
  },
};

export const SMS_TEMPLATES: Record<string, Record<TemplateLocale, string>> = {
  'overdue-sms': {
    en: '{tenant}: invoice {invoice} ({amount}) is overdue since {dueDate}. Pay: {payUrl}',
    nb: '{tenant}: faktura {invoice} ({amount}) er forfalt siden {dueDate}. Betal: {payUrl}',
  },
  'plan-reminder': {
    en: '{tenant}: the next instalment for invoice {invoice}, {promisedAmount}, is due on {promisedDate}. Pay: {payUrl}',
    nb: '{tenant}: neste avdrag for faktura {invoice}, {promisedAmount}, forfaller {promisedDate}. Betal: {payUrl}',
  },
  'promise-reminder': {
    en: '{tenant}: as promised, {promisedAmount} for invoice {invoice} is due tomorrow ({promisedDate}). Pay: {payUrl}',
    nb: '{tenant}: som avtalt skal {promisedAmount} for faktura {invoice} betales i morgen ({promisedDate}). Betal: {payUrl}',
  },
  upcoming: {
    en: '{tenant}: invoice {invoice} ({amount}) is due on {dueDate}. Pay: {payUrl}',
    nb: '{tenant}: faktura {invoice} ({amount}) forfaller {dueDate}. Betal: {payUrl}',
  },
};

/** Regulation F §1006.6(e): every text says how to stop texts to that number. */
export const SMS_OPT_OUT_LINE: Record<TemplateLocale, string> = {
  en: 'Reply STOP to opt out.',
  nb: 'Svar STOP for å melde deg av.',
};

export const EMAIL_FOOTER: Record<TemplateLocale, { pay: string; unsubscribe: string }> = {
  en: { pay: 'See what you owe and pay', unsubscribe: 'Stop emails to this address' },
  nb: { pay: 'Se hva du skylder og betal', unsubscribe: 'Ingen flere e-poster til denne adressen' },
};

/** The one message allowed after an opt-out (DESIGN §3.4): it confirms, and asks for nothing. */
export const OPT_OUT_CONFIRMATION: Record<TemplateLocale, EmailTemplate> = {
  en: {
    subject: '{tenant}: you will get no more emails at this address',
    body: 'You asked us to stop emailing this address about your account, and we have. This is the last email you will get here from {tenant}.\n\nYou can still reach us, and we may contact you in other ways you have not opted out of.',
  },
  nb: {
    subject: '{tenant}: du får ikke flere e-poster til denne adressen',
    body: 'Du ba oss slutte å sende e-post til denne adressen om kontoen din, og det har vi gjort. Dette er den siste e-posten du får her fra {tenant}.\n\nDu kan fortsatt kontakte oss, og vi kan nå deg på andre måter du ikke har meldt deg av.',
  },
};

/** The words around a case's other invoices when one message covers them all. */
export const CASE_WORDS: Record<TemplateLocale, { intro: string; total: string; sms: string }> = {
  en: {
    intro: 'Also open on your account:',
    total: 'In all, {caseTotal} is now due.',
    sms: '{caseCount} more invoice(s) open, {caseTotal} in all.',
  },
  nb: {
    intro: 'Også åpent på kontoen din:',
    total: 'Til sammen skal {caseTotal} betales nå.',
    sms: '{caseCount} faktura(er) til er åpne, {caseTotal} til sammen.',
  },
};

/** Every template a strategy step may name: the schema's enum, so a name that is no template is refused on write. */
export const TEMPLATE_NAMES = [...new Set([...Object.keys(EMAIL_TEMPLATES), ...Object.keys(SMS_TEMPLATES)])].sort() as [
  string,
  ...string[],
];

/** A table's own entry only: a stored name such as "constructor" must never find what Object's prototype holds. */
export const ownEntry = <T>(table: Readonly<Record<string, T>>, name: string): T | undefined =>
  Object.hasOwn(table, name) ? table[name] : undefined;
