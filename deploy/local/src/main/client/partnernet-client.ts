// The typed client of the three services' REST APIs, generated at build time from the committed OpenAPI documents
// (docs/api, by openapi-generator's typescript-fetch) and bundled by esbuild into dashboard/partnernet-client.js, which
// exposes it as window.PartnerNet: PartnerNet.leads.PipelineApi, PartnerNet.targets.AttainmentApi, ... Pages call the
// APIs only through it, so an operation or field they use that leaves a document breaks the build (the dashboard's
// browser test), not a user's page.
export * as partners from '../../../target/generated-client/partners';
export * as leads from '../../../target/generated-client/leads';
export * as targets from '../../../target/generated-client/targets';
