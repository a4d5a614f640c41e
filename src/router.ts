// How the bot dispatches, as bolt-js and teams-ai register listeners: features register for the
// turns they answer (tried in the order registered; one may pass by answering nothing) and for the
// card actions they handle, by verb.

export interface Route<Turn, Out> {
  /** For logs and tests: which feature answered. */
  name: string;
  matches(turn: Turn): boolean;
  /** The replies; undefined lets the next route that matches answer. */
  reply(turn: Turn): Promise<Out | undefined>;
}

export class Router<Turn, Out> {
  private readonly routes: Route<Turn, Out>[] = [];

  on(route: Route<Turn, Out>): this {
    this.routes.push(route);
    return this;
  }

  async route(turn: Turn): Promise<Out | undefined> {
    for (const route of this.routes) {
      if (!route.matches(turn)) continue;
      const out = await route.reply(turn);
      if (out !== undefined) return out;
    }
    return undefined;
  }
}

export class ActionRouter<Action extends { verb: string }, Out> {
  private readonly handlers = new Map<string, (action: Action) => Promise<Out>>();

  on(verbs: string | string[], handler: (action: Action) => Promise<Out>): this {
    for (const verb of [verbs].flat()) this.handlers.set(verb, handler);
    return this;
  }

  /** The handler's replies; undefined for a verb nobody registered. */
  async route(action: Action): Promise<Out | undefined> {
    return this.handlers.get(action.verb)?.(action);
  }
}
