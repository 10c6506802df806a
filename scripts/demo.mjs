#!/usr/bin/env node
// Placeholder until the Olist demo lands (templates/olist issue).
console.log('npm run demo: the full pipeline on sagemaker-local is coming soon.');
