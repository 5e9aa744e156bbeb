/**
 * @generated SignedSource<<9f6e7fede87c499bff432db97a319a4e>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type NodeRoundTripQuery$variables = {
  id: string;
};
export type NodeRoundTripQuery$data = {
  readonly node: {
    readonly __typename: string;
    readonly id: string;
  } | null | undefined;
};
export type NodeRoundTripQuery = {
  response: NodeRoundTripQuery$data;
  variables: NodeRoundTripQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "id"
  }
],
v1 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "id",
        "variableName": "id"
      }
    ],
    "concreteType": null,
    "kind": "LinkedField",
    "name": "node",
    "plural": false,
    "selections": [
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "__typename",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "id",
        "storageKey": null
      }
    ],
    "storageKey": null
  }
];
return {
  "fragment": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "NodeRoundTripQuery",
    "selections": (v1/*:: as any*/),
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "NodeRoundTripQuery",
    "selections": (v1/*:: as any*/)
  },
  "params": {
    "cacheID": "02479051af23d4aa84defcab227bec32",
    "id": null,
    "metadata": {},
    "name": "NodeRoundTripQuery",
    "operationKind": "query",
    "text": "query NodeRoundTripQuery(\n  $id: ID!\n) {\n  node(id: $id) {\n    __typename\n    id\n  }\n}\n"
  }
};
})();

(node as any).hash = "e67af5476b5b8cf8a5cd067c15d99bcd";

export default node;
