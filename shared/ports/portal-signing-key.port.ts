// The secret the portal links are signed with (deployed: the stack's `<stack>/portal-signing-key` in Secrets Manager).

export interface PortalSigningKey {
  /** The current key; the same for every function of a deployment, so a link signed by the engine opens the portal. */
  key(): Promise<string>;
}

/** A fixed key: the local runtime's and the tests'. */
export const fixedPortalSigningKey = (key: string): PortalSigningKey => ({ key: async () => key });

/** Where no key is wired, links cannot be made or opened: a loud failure, never an unsigned link. */
export const missingPortalSigningKey: PortalSigningKey = {
  key: async () => {
    throw new Error('no portal signing key is configured');
  },
};
