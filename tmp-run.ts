import { planRestart } from './src/engine/index.ts';
const reqs = JSON.parse(process.argv[2]!);
const r = planRestart(reqs);
if (!r.ok) { console.log(JSON.stringify(r.errors)); process.exit(0); }
const p = r.plan;
console.log(p.tolerance, p.prior);
for (const s of p.steps) console.log(s.start, s.drug, s.formulation, s.administrations.join('+'), s.dailyDose.amount, s.dailyEquivalent?.amount, s.checkpoint, s.rule);
console.log(p.warnings.map(w=>w.code+':'+w.severity).join(' '));
if (process.argv[3]) console.log(p.derivation.join('\n'));
