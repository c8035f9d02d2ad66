// The erasure rules: hashed opt-out addresses still match, identifiers vanish from any text, the retention date.
import { ERASED, erasedAddress, redact, retainUntil, sameAddress } from '../../../shared/domain/erasure';
import { sha256Hex } from '../../../shared/domain/ids';

describe('erasure rules', () => {
  it('keeps an opt-out honoured after its address became a keyed hash, whatever the case or spacing', () => {
    const key = 'tenant-erasure-key-0000000000000001';
    const stored = erasedAddress('Ada@Example.com', key);
    expect(stored).toMatch(/^erased:hmac-sha256:[0-9a-f]{64}$/);
    expect(stored).not.toContain('ada');
    // Another tenant's key gives another hash: nothing links the same person across tenants.
    expect(erasedAddress('ada@example.com', 'another-tenant-key-000000000000001')).not.toBe(stored);
    expect(sameAddress(stored, ' ada@example.COM ', key)).toBe(true);
    expect(sameAddress(stored, 'eve@example.com', key)).toBe(false);
    expect(sameAddress('ada@example.com', 'ADA@example.com')).toBe(true);
    // Hashes written before keyed ones are still honoured.
    expect(sameAddress(`erased:sha256:${sha256Hex('ada@example.com')}`, 'Ada@example.com')).toBe(true);
  });

  it('replaces the identifiers in nested strings, leaves numbers and ids, and ignores identifiers too short to be safe', () => {
    const record = {
      detail: 'Reminder to ADA@example.com for Ada Lovelace (+4791234567)',
      amount: 100,
      list: ['Ada Lovelace'],
      id: 'c1',
      flag: true,
    };
    expect(redact(record, ['Ada Lovelace', 'ada@example.com', '+4791234567', 'Ad'])).toEqual({
      detail: `Reminder to ${ERASED} for ${ERASED} (${ERASED})`,
      amount: 100,
      list: [ERASED],
      id: 'c1',
      flag: true,
    });
    // Regex characters in a name are text, not a pattern.
    expect(redact('a.b (x) c', ['a.b (x)'])).toBe(`${ERASED} c`);
    expect(redact('nothing to do', ['No'])).toBe('nothing to do');
  });

  it('keeps financial records ten years from the decision', () => {
    expect(retainUntil(new Date('2026-12-10T10:00:00Z'))).toBe('2036-12-10');
  });
});
