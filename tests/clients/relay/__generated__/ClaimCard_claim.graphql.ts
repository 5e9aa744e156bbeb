/**
 * @generated SignedSource<<4a19f3216177f969f61f430595f274f5>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ReaderFragment } from 'relay-runtime';
export type ClaimKind = "ASSESSMENT" | "BIOGRAPHICAL" | "CAUSAL" | "FORECAST" | "OPINION" | "RECOMMENDATION" | "STATISTIC" | "%future added value";
import { FragmentRefs } from "relay-runtime";
export type ClaimCard_claim$data = {
  readonly id: string;
  readonly kind: ClaimKind;
  readonly speaker: {
    readonly id: string;
    readonly name: string;
  } | null | undefined;
  readonly text: string;
  readonly " $fragmentType": "ClaimCard_claim";
};
export type ClaimCard_claim$key = {
  readonly " $data"?: ClaimCard_claim$data;
  readonly " $fragmentSpreads": FragmentRefs<"ClaimCard_claim">;
};

import ClaimCardRefetchQuery_graphql from './ClaimCardRefetchQuery.graphql';

const node: ReaderFragment = (function(){
var v0 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
};
return {
  "argumentDefinitions": [],
  "kind": "Fragment",
  "metadata": {
    "refetch": {
      "connection": null,
      "fragmentPathInResult": [
        "node"
      ],
      "operation": ClaimCardRefetchQuery_graphql,
      "identifierInfo": {
        "identifierField": "id",
        "identifierQueryVariableName": "id"
      }
    }
  },
  "name": "ClaimCard_claim",
  "selections": [
    (v0/*:: as any*/),
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "text",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "kind",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "concreteType": null,
      "kind": "LinkedField",
      "name": "speaker",
      "plural": false,
      "selections": [
        (v0/*:: as any*/),
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "name",
          "storageKey": null
        }
      ],
      "storageKey": null
    }
  ],
  "type": "Claim",
  "abstractKey": null
};
})();

(node as any).hash = "db40f28ff688928822902574127e78ab";

export default node;
