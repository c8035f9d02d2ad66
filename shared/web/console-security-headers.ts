// The security headers of every console response, defined once: the local runtime sends them as written here, and the
// console stack builds its CloudFront response headers policy from the same values, so the two cannot drift apart.

/** Where the console may fetch from besides its own origin: deployed, Cognito's token endpoint (the PKCE exchange). */
export interface ConsoleHeaderOptions {
  extraConnectSources?: readonly string[];
}

/**
 * The headers in CloudFront's terms (a response headers policy's security headers): scripts and styles from the
 * console's own origin only, API calls to the same origin, no framing, HTTPS remembered for two years.
 */
export const consoleSecurityPolicy = (options: ConsoleHeaderOptions = {}) =>
  ({
    contentSecurityPolicy: [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      ['connect-src', "'self'", ...(options.extraConnectSources ?? [])].join(' '),
      "manifest-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'self'",
    ].join('; '),
    contentTypeOptions: 'nosniff',
    frameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    strictTransportSecurity: { maxAgeSeconds: 63_072_000, includeSubdomains: true },
  }) as const;

export type ConsoleSecurityPolicy = ReturnType<typeof consoleSecurityPolicy>;

/** The same policy as the header lines a browser receives (lower-case names). */
export const consoleSecurityHeaders = (policy: ConsoleSecurityPolicy): Record<string, string> => ({
  'content-security-policy': policy.contentSecurityPolicy,
  'x-content-type-options': policy.contentTypeOptions,
  'referrer-policy': policy.referrerPolicy,
  'x-frame-options': policy.frameOptions,
  'strict-transport-security': `max-age=${policy.strictTransportSecurity.maxAgeSeconds}${
    policy.strictTransportSecurity.includeSubdomains ? '; includeSubDomains' : ''
  }`,
});
