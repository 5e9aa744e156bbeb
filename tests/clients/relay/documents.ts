import { graphql } from 'relay-runtime';

/**
 * What a Relay app of this API would write. relay-compiler reads these (the test checks it accepts
 * them and that __generated__ is current); at run time the test uses the generated artifacts, as
 * babel-plugin-relay would. The README quotes these fragments.
 */

export const ClaimCard = graphql`
  fragment ClaimCard_claim on Claim @refetchable(queryName: "ClaimCardRefetchQuery") {
    id
    text
    kind
    speaker {
      id
      name
    }
  }
`;

export const ClaimList = graphql`
  fragment ClaimList_query on Query
  @argumentDefinitions(first: { type: "Int", defaultValue: 10 }, after: { type: "String" })
  @refetchable(queryName: "ClaimListPaginationQuery") {
    claims(first: $first, after: $after) @connection(key: "ClaimList_claims") {
      totalCount
      edges {
        node {
          id
          ...ClaimCard_claim
        }
      }
    }
  }
`;

export const SpeakerClaims = graphql`
  fragment SpeakerClaims_speaker on Person
  @argumentDefinitions(first: { type: "Int", defaultValue: 5 }, after: { type: "String" })
  @refetchable(queryName: "SpeakerClaimsPaginationQuery") {
    name
    claims(first: $first, after: $after) @connection(key: "SpeakerClaims_claims") {
      edges {
        node {
          ...ClaimCard_claim
        }
      }
    }
  }
`;

export const NodeRoundTrip = graphql`
  query NodeRoundTripQuery($id: ID!) {
    node(id: $id) {
      __typename
      id
    }
  }
`;
