// The console's settings (console/src/config.ts): the local runtime's file read as before, the stack's cognito file read
// whole, and a file the console could not sign people in with refused with the field it lacks.
import { parseConfig } from '../../../console/src/config';

const HOSTED = 'https://arrears-123456789012.auth.eu-west-1.amazoncognito.com';
const cognito = {
  mode: 'cognito',
  signInUrl: `${HOSTED}/oauth2/authorize`,
  tokenUrl: `${HOSTED}/oauth2/token`,
  signOutUrl: `${HOSTED}/logout`,
  clientId: 'console-client-id',
};

describe('parseConfig', () => {
  it("reads the local runtime's file, and a file without auth as the local sign-in", () => {
    expect(parseConfig({ auth: { mode: 'local', signInUrl: '/local/auth/sign-in' } })).toEqual({
      apiBase: '',
      auth: { mode: 'local', signInUrl: '/local/auth/sign-in' },
    });
    expect(parseConfig({})).toEqual({ apiBase: '', auth: { mode: 'local', signInUrl: '/local/auth/sign-in' } });
  });

  it("reads the stack's file: the API on the console's origin, the hosted sign-in's endpoints and client", () => {
    expect(parseConfig({ apiBase: '', auth: cognito })).toEqual({ apiBase: '', auth: cognito });
    expect(parseConfig({ apiBase: 'https://api.example.com', auth: cognito }).apiBase).toBe('https://api.example.com');
  });

  it.each([
    [{ ...cognito, tokenUrl: undefined }, 'config.json: auth.tokenUrl is missing'],
    [{ ...cognito, clientId: '' }, 'config.json: auth.clientId is missing'],
    [{ ...cognito, signOutUrl: 'not an address' }, 'config.json: auth.signOutUrl is not an address'],
    [
      { ...cognito, signInUrl: 'http://example.com/oauth2/authorize' },
      'config.json: auth.signInUrl must be an https address',
    ],
    [{ mode: 'saml' }, 'config.json: auth.mode "saml" is neither local nor cognito'],
    [{ mode: 'local' }, 'config.json: auth.signInUrl is missing'],
  ])('refuses %j', (auth, message) => {
    expect(() => parseConfig({ apiBase: '', auth })).toThrow(message);
  });

  it('refuses what is not a settings object', () => {
    expect(() => parseConfig(['local'])).toThrow('config.json: not an object');
    expect(() => parseConfig({ apiBase: 7 })).toThrow('config.json: apiBase is not text');
  });
});
