// Where people open the console when deployed, named before a deployment so that the user pool (stateful stack, deployed
// first) can list it as the hosted sign-in's callback: a domain of the operator's own with its certificate, or the
// distribution's own *.cloudfront.net name once the first deployment has made it.
import { z } from 'zod';

/** `-c arrears:consoleDomain=console.example.com` (or the `ConsoleDomainName` output of a first deployment). */
export const CONSOLE_DOMAIN_CONTEXT_KEY = 'arrears:consoleDomain';
/** `-c arrears:consoleCertificateArn=arn:aws:acm:us-east-1:…`: the certificate of a domain of the operator's own. */
export const CONSOLE_CERTIFICATE_CONTEXT_KEY = 'arrears:consoleCertificateArn';

/** The path the console is built for (console/vite.config.ts `base`) and kept under in the bucket. */
export const CONSOLE_PATH = '/console/';

const DomainSchema = z
  .string()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'is not a domain name');
const DISTRIBUTION_DOMAIN = /^d[a-z0-9]+\.cloudfront\.net$/;
// CloudFront takes viewer certificates from ACM in us-east-1 only, whatever region the stacks are in.
const CertificateArnSchema = z
  .string()
  .regex(/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/, 'is not an ACM certificate in us-east-1');

export interface ConsoleAddress {
  /** The host people type, when it is known before the deployment. */
  domainName: string;
  /** The console's page: the hosted sign-in's callback and sign-out address. */
  url: string;
  /** Set for a domain of the operator's own: the distribution serves it with this certificate (TLS 1.2 at least). */
  certificateArn?: string;
}

const fail = (key: string, value: unknown, message: string): never => {
  throw new Error(`-c ${key}=${String(value)} ${message}`);
};

/**
 * The console's address from the context, or undefined when none was named yet (a first deployment without a domain of
 * one's own: the console deploys, and its hosted sign-in waits for the second deployment that names the distribution's
 * domain).
 */
export const consoleAddressFrom = (domainValue: unknown, certificateValue: unknown): ConsoleAddress | undefined => {
  const given = (value: unknown) => value !== undefined && value !== '';
  if (!given(domainValue)) {
    if (given(certificateValue))
      fail(CONSOLE_CERTIFICATE_CONTEXT_KEY, certificateValue, `needs -c ${CONSOLE_DOMAIN_CONTEXT_KEY} as well`);
    return undefined;
  }
  const domain = DomainSchema.safeParse(String(domainValue));
  if (!domain.success) return fail(CONSOLE_DOMAIN_CONTEXT_KEY, domainValue, domain.error.issues[0]!.message);
  const url = `https://${domain.data}${CONSOLE_PATH}`;
  if (!given(certificateValue)) {
    if (!DISTRIBUTION_DOMAIN.test(domain.data)) {
      fail(
        CONSOLE_DOMAIN_CONTEXT_KEY,
        domainValue,
        `is a domain of your own: name its certificate with -c ${CONSOLE_CERTIFICATE_CONTEXT_KEY}=arn:aws:acm:us-east-1:…`,
      );
    }
    return { domainName: domain.data, url };
  }
  if (DISTRIBUTION_DOMAIN.test(domain.data))
    fail(CONSOLE_CERTIFICATE_CONTEXT_KEY, certificateValue, "is not needed for the distribution's own domain");
  const certificate = CertificateArnSchema.safeParse(String(certificateValue));
  if (!certificate.success)
    return fail(CONSOLE_CERTIFICATE_CONTEXT_KEY, certificateValue, certificate.error.issues[0]!.message);
  return { domainName: domain.data, url, certificateArn: certificate.data };
};
