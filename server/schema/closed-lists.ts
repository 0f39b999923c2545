/**
 * The closed lists of graph/model.ts and the schema's enums must stay the same
 * sets: these fail to compile when one side gains or loses a value (the way
 * client/vocabulary.ts holds the client to the same enums). They sit here
 * because graph/ must not import from the server.
 */
import type {
  DispositifStatus as GraphDispositifStatus,
  OrganisationType as GraphOrganisationType,
  RelationshipType as GraphRelationshipType,
  TerritoryLevel as GraphTerritoryLevel,
} from '../../graph/model.js';
import type { ErrorCode as ServerErrorCode } from '../errors.js';
import type {
  DispositifStatus,
  ErrorCode,
  OrganisationType,
  RelationshipType,
  TerritoryLevel,
} from './resolvers-types.generated.js';

type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

export const ORGANISATION_TYPES_MATCH: SameSet<OrganisationType, GraphOrganisationType> = true;
export const DISPOSITIF_STATUSES_MATCH: SameSet<DispositifStatus, GraphDispositifStatus> = true;
export const TERRITORY_LEVELS_MATCH: SameSet<TerritoryLevel, GraphTerritoryLevel> = true;
export const RELATIONSHIP_TYPES_MATCH: SameSet<RelationshipType, GraphRelationshipType> = true;

/** The error codes of server/errors.ts are the schema's ErrorCode enum, both ways. */
export const ERROR_CODES_MATCH: SameSet<ErrorCode, ServerErrorCode> = true;
