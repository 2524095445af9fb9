// Checks an OpenAPI document read from stdin: swagger-parser validation, then Redocly's
// recommended lint rules. Prints {valid, validationError, problems} as JSON. A separate ES
// module because both libraries load as ESM only, which jest's CommonJS runtime cannot.
import SwaggerParser from '@apidevtools/swagger-parser';
import { createConfig, lintFromString } from '@redocly/openapi-core';

let source = '';
for await (const chunk of process.stdin) source += chunk;
let valid = true;
let validationError = null;
try {
  await SwaggerParser.validate(JSON.parse(source));
} catch (err) {
  valid = false;
  validationError = String(err?.message ?? err);
}
const config = await createConfig({ extends: ['recommended'] });
const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
process.stdout.write(JSON.stringify({
  valid,
  validationError,
  problems: problems.map((p) => ({ ruleId: p.ruleId, severity: p.severity, message: p.message, where: p.location?.[0]?.pointer })),
}));
