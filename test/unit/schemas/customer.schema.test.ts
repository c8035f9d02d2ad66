// What a partner may send as a customer, and the field paths named when it is wrong.
import { CustomerSchema, PostOptOutBodySchema, PutCustomerBodySchema } from '../../../shared/schemas/customer.schema';
import { zodIssues } from '../../../shared/errors/problem';

const valid = {
  name: 'Ada Lovelace',
  kind: 'consumer',
  email: 'ada@example.com',
  phone: '+4791234567',
  timeZone: 'Europe/Oslo',
};

const failingPaths = (body: unknown) => {
  const result = PutCustomerBodySchema.safeParse(body);
  return result.success ? [] : zodIssues(result.error).map((issue) => issue.path);
};

describe('PutCustomerBodySchema', () => {
  it('accepts a complete customer', () => {
    expect(
      PutCustomerBodySchema.parse({ ...valid, locale: 'nb-NO', country: 'NO', region: 'Oslo', segment: 'retail' }),
    ).toMatchObject(valid);
  });

  it('names every failing field', () => {
    expect(
      failingPaths({ name: '', kind: 'person', email: 'not-mail', phone: '0047 912', timeZone: 'Europe/Nowhere' }),
    ).toEqual(['name', 'kind', 'email', 'phone', 'timeZone']);
  });

  it('refuses unknown fields by name, so typos do not pass silently', () => {
    expect(failingPaths({ ...valid, emial: 'x@y.z' })).toEqual(['emial']);
  });

  it('refuses control characters in free text', () => {
    expect(failingPaths({ ...valid, name: 'Ada\u0000Lovelace' })).toEqual(['name']);
  });

  it('refuses a country code that is not ISO 3166 alpha-2 uppercase', () => {
    expect(failingPaths({ ...valid, country: 'nor' })).toEqual(['country']);
  });

  it('item 10: a customer stored before countries and locales were checked against the lists still loads', () => {
    const stored = {
      ...valid,
      country: 'XX',
      locale: 'xx-YY',
      id: 'c1',
      createdAt: 'then',
      updatedAt: 'then',
      version: 1,
    };
    expect(CustomerSchema.parse(stored)).toMatchObject({ country: 'XX', locale: 'xx-YY' });
    expect(failingPaths({ ...valid, country: 'XX', locale: 'xx-YY' })).toEqual(['locale', 'country']);
  });
});

describe('PostOptOutBodySchema', () => {
  it('takes a channel with or without an address', () => {
    expect(PostOptOutBodySchema.parse({ channel: 'sms' })).toEqual({ channel: 'sms' });
    expect(PostOptOutBodySchema.parse({ channel: 'email', address: 'a@b.no' })).toEqual({
      channel: 'email',
      address: 'a@b.no',
    });
  });

  it('refuses unknown channels', () => {
    expect(PostOptOutBodySchema.safeParse({ channel: 'fax' }).success).toBe(false);
  });
});
