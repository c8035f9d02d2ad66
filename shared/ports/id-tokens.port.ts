// Who a person's id token says they are, once its signature, issuer, audience, use and expiry have been checked.
import type { PersonRole } from '../schemas/id-token.schema';

export interface VerifiedPerson {
  tenantId: string;
  role: PersonRole;
  /** Cognito's username: what the records name them by (`person:<username>`). */
  username: string;
  /** The token's subject, the pool's own id of the person. */
  sub: string;
}

export interface IdTokenVerifier {
  /**
   * The person a valid id token names. Throws UnauthorizedError for a token that is not one of ours (malformed, signed
   * by another key, another issuer or audience, expired), ForbiddenError for a person in no role's group.
   */
  verify(token: string): Promise<VerifiedPerson>;
}
