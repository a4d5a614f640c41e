// botbuilder's CloudAdapter builds a new ConnectorClient, and with it a new HTTP pipeline of a dozen
// policies, for every activity: a tenth of a Teams turn's CPU time in the profile, and garbage to
// collect. A client holds no turn's state (its credentials fetch and cache their own tokens), so one
// client per bot identity, service URL and audience serves every turn, as botbuilder's older
// BotFrameworkAdapter kept them. Teams has a handful of service URLs; the cache is bounded anyway.
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

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
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
    // The bot identity the factory's credentials are for, as botbuilder reads it from the claims.
    const appId = claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
    const clients = this.clients;
    return new (class extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        const key = `${appId}\n${serviceUrl}\n${audience ?? ''}`;
        let client = clients.get(key);
        if (!client) {
          client = inner.create(serviceUrl, audience);
          clients.set(key, client);
          // A client that could not be made (credentials refused) is not kept.
          client.catch(() => clients.delete(key));
        }
        return client;
      }
    })();
  }
}
