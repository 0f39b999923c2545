/**
 * The peer the issue measures Atlas against: @neo4j/graphql 7.6 serving the
 * same database, with typeDefs for the fields the nested reads use. Bench only
 * (a dev dependency): it talks to Neo4j through its own driver, as it is built to.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j, { type Driver } from 'neo4j-driver';
import type { DbConfig } from '../../graph/driver.js';

export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Organisation @node {
    id: ID!
    name: String!
    type: String
    carries: [Dispositif!]! @relationship(type: "CARRIES", direction: OUT)
    funds: [Dispositif!]! @relationship(type: "FUNDS", direction: OUT)
    territory: [Territory!]! @relationship(type: "LOCATED_IN", direction: OUT)
  }
  type Dispositif @node {
    id: ID!
    name: String!
    status: String
    carriers: [Organisation!]! @relationship(type: "CARRIES", direction: IN)
    funders: [Organisation!]! @relationship(type: "FUNDS", direction: IN)
    territories: [Territory!]! @relationship(type: "DEPLOYED_IN", direction: OUT)
    themes: [Theme!]! @relationship(type: "ADDRESSES", direction: OUT)
  }
  type Territory @node {
    id: ID!
    name: String!
    level: String
    code: String
    children: [Territory!]! @relationship(type: "PART_OF", direction: IN)
    dispositifs: [Dispositif!]! @relationship(type: "DEPLOYED_IN", direction: IN)
  }
  type Theme @node {
    id: ID!
    name: String!
    dispositifs: [Dispositif!]! @relationship(type: "ADDRESSES", direction: IN)
  }
`;

export interface PeerServer {
  url: string;
  close(): Promise<void>;
}

export async function startPeerServer(config: DbConfig, port = 0): Promise<PeerServer> {
  const driver: Driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const yoga = createYoga({ schema, graphiql: false, logging: false });
  const server: Server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await driver.close();
    },
  };
}
