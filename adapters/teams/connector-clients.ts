// botbuilder's CloudAdapter builds a new ConnectorClient and a new UserTokenClient, each with an HTTP
// pipeline of a dozen policies, for every activity: a tenth of a Teams turn's CPU time in the profile,
// and garbage to collect. A client holds no turn's state (its credentials fetch and cache their own
// tokens), so one per bot identity (and service URL and audience) serves every turn, as botbuilder's
// older BotFrameworkAdapter kept them. Teams has a handful of service URLs; the caches are bounded anyway.
import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity, CloudAdapter } from 'botbuilder';
import { LRUCache } from 'lru-cache';

const MAX_CLIENTS = 64;

/** Makes the adapter's connector factories share their clients. */
export function reuseConnectorClients(adapter: CloudAdapter): void {
  // The adapter makes its authentication itself (TeamsAdapter takes settings, not one): wrapped in place.
  const held = adapter as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication };
  held.botFrameworkAuthentication = new ReusedConnectorClients(held.botFrameworkAuthentication);
}

/** The authentication botbuilder uses, with the connector factories it hands out sharing their clients. */
class ReusedConnectorClients extends BotFrameworkAuthentication {
  private readonly clients = new LRUCache<string, Promise<ConnectorClient>>({ max: MAX_CLIENTS });
  private readonly tokenClients = new LRUCache<string, Promise<UserTokenClient>>({ max: MAX_CLIENTS });

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.factory(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  /** Made for every activity too (for sign-in flows this bot has none): one per bot identity. */
  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return kept(this.tokenClients, botIdentity(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return result.connectorFactory ? { ...result, connectorFactory: this.factory(result.connectorFactory, result.claimsIdentity) } : result;
  }

  private factory(inner: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new SharedClients(inner, `${botIdentity(claimsIdentity)}\n`, this.clients);
  }
}

/** A factory whose clients are kept for the next turns of the same bot identity. */
class SharedClients extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly identity: string,
    private readonly clients: LRUCache<string, Promise<ConnectorClient>>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return kept(this.clients, `${this.identity}${serviceUrl}\n${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

/** The bot identity a factory's credentials are for, as botbuilder reads it from the claims. */
function botIdentity(claimsIdentity: ClaimsIdentity): string {
  return claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

/** The client kept under the key, or a new one; one that could not be made (credentials refused) is not kept. */
function kept<T extends object>(cache: LRUCache<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let client = cache.get(key);
  if (!client) {
    client = make();
    cache.set(key, client);
    client.catch(() => cache.delete(key));
  }
  return client;
}
