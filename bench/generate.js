'use strict';
/**
 * The generated plan of N budget lines (src/sample/generatePlan.ts, compiled
 * into build/ by `npm run build:cli`): balanced, every line a registered
 * project, every tenth partly earmarked. The tests import the same builder
 * from src/.
 */
const { generatePlan } = require('../build/sample/generatePlan');

module.exports = { generatePlan };
