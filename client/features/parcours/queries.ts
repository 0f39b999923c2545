import { graphql } from '../../gql/index.js';

/** What someone living in a commune may turn to, nearest first. */
export const OFFER_FOR_QUERY = graphql(`
  query OfferFor($commune: ID!, $public: ID, $theme: ID, $activeOn: Date) {
    offerFor(commune: $commune, public: $public, theme: $theme, activeOn: $activeOn) {
      distance
      dispositif {
        id
        name
        status
        startDate
        endDate
        carriers {
          organisation {
            id
            name
          }
        }
        prescribers {
          organisation {
            id
            name
          }
        }
        sources {
          id
          title
        }
      }
      through {
        id
        name
        level
      }
    }
  }
`);

/** The commune chosen, by id (a URL names it). */
export const COMMUNE_NAME_QUERY = graphql(`
  query ParcoursCommune($id: ID!) {
    node(id: $id) {
      id
      name
    }
  }
`);
