// botbuilder made a ConnectorClient and a UserTokenClient (each with its HTTP pipeline) per activity;
// the adapter now keeps them, so that a turn costs less, while each reply still goes to its own service URL.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationReference } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { reuseConnectorClients } from '../../adapters/teams/connector-clients.js';

function clientFor(adapter: CloudAdapter, serviceUrl: string, key: symbol = adapter.ConnectorClientKey): Promise<unknown> {
  const reference = { serviceUrl, channelId: 'msteams', conversation: { id: 'a:1' }, bot: { id: '28:bot' } } as ConversationReference;
  return new Promise((resolve, reject) => {
    adapter.continueConversationAsync('', reference, async (context) => resolve(context.turnState.get(key))).catch(reject);
  });
}

describe('connector clients', () => {
  it('are made once per service URL and kept for the next turns', async () => {
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    reuseConnectorClients(adapter);
    const emea = await clientFor(adapter, 'https://smba.trafficmanager.net/emea/');
    expect(emea).toBeDefined();
    expect(await clientFor(adapter, 'https://smba.trafficmanager.net/emea/')).toBe(emea);
    const amer = await clientFor(adapter, 'https://smba.trafficmanager.net/amer/');
    expect(amer).not.toBe(emea);
    expect((amer as { baseUri?: string }).baseUri).toBe('https://smba.trafficmanager.net/amer/');
  });

  it('share one user-token client per bot identity', async () => {
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    reuseConnectorClients(adapter);
    const first = await clientFor(adapter, 'https://smba.trafficmanager.net/emea/', adapter.UserTokenClientKey);
    expect(first).toBeDefined();
    expect(await clientFor(adapter, 'https://smba.trafficmanager.net/amer/', adapter.UserTokenClientKey)).toBe(first);
  });

});
