// Issue 16: what a collector searched for (a name, an e-mail, a phone number) is personal data: the local request log
// names the search route, never the query.
import { loggedTarget } from '../../../local/request-log';

describe('the request log and search', () => {
  it('redacts the search query and keeps the other parameters', () => {
    const target = loggedTarget(new URL('http://localhost/v1/search?q=Kari%20%C3%98deg%C3%A5rd&limit=20'));
    expect(target).toBe('/v1/search?q=(redacted)&limit=20');
    expect(loggedTarget(new URL('http://localhost/v1/search?q=%2B4791234567'))).not.toContain('4791234567');
  });
});
