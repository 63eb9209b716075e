/**
 * Pins every orderable RxNorm code of the protocol data (src/protocols/rxnorm-clinical-drugs.ts) to its source row:
 * OMTK DrugIngredients (RxNav data store 2020-10-20), by code and RxNorm name; and the gaps.
 */
import { describe, expect, it } from 'vitest';
import { clinicalDrugCode, clinicalDrugCodes, productForCode } from '../../src/engine/clinicalDrugCodes.ts';
import { DRUGS, SOURCES } from '../../src/protocols/index.ts';
import { ROUTE_CODES } from '../../src/protocols/route-codes.ts';
import { RXNORM_CLINICAL_DRUGS } from '../../src/protocols/rxnorm-clinical-drugs.ts';

/** [drug, formulation, strength, SCD, SCD name, ['brand:SBD', …]] as the source lists them. */
const PINS: [string, string, string, string, string, string[]][] = [
  ['morphine', 'ir', '15', '892582', 'morphine sulfate 15 MG Oral Tablet', []],
  ['morphine', 'ir', '30', '892672', 'morphine sulfate 30 MG Oral Tablet', []],
  ['morphine', 'er', '15', '891881', 'morphine sulfate 15 MG Extended Release Oral Tablet', ['MS Contin:892574']],
  ['morphine', 'er', '30', '891888', 'morphine sulfate 30 MG Extended Release Oral Tablet', ['MS Contin:892660']],
  ['morphine', 'er', '60', '891893', 'morphine sulfate 60 MG Extended Release Oral Tablet', ['MS Contin:894813']],
  ['morphine', 'er', '100', '891874', 'morphine sulfate 100 MG Extended Release Oral Tablet', ['MS Contin:892560']],
  ['morphine', 'er', '200', '892646', 'morphine sulfate 200 MG Extended Release Oral Tablet', ['MS Contin:892648']],
  ['oxycodone', 'ir', '5', '1049621', 'oxycodone hydrochloride 5 MG Oral Tablet', ['Roxicodone:1049623', 'Oxaydo:1664448']],
  ['oxycodone', 'ir', '10', '1049683', 'oxycodone hydrochloride 10 MG Oral Tablet', []],
  ['oxycodone', 'ir', '15', '1049611', 'oxycodone hydrochloride 15 MG Oral Tablet', ['Roxicodone:1049613']],
  ['oxycodone', 'ir', '20', '1049686', 'oxycodone hydrochloride 20 MG Oral Tablet', []],
  ['oxycodone', 'ir', '30', '1049618', 'oxycodone hydrochloride 30 MG Oral Tablet', ['Roxicodone:1049620']],
  ['oxycodone', 'er', '10', '1860157', 'Abuse-Deterrent 12 HR oxycodone hydrochloride 10 MG Extended Release Oral Tablet', []],
  ['oxycodone', 'er', '15', '1860154', 'Abuse-Deterrent 12 HR oxycodone hydrochloride 15 MG Extended Release Oral Tablet', []],
  ['oxycodone', 'er', '20', '1860129', 'Abuse-Deterrent 12 HR oxycodone hydrochloride 20 MG Extended Release Oral Tablet', []],
  ['oxycodone', 'er', '30', '1860151', 'Abuse-Deterrent 12 HR oxycodone hydrochloride 30 MG Extended Release Oral Tablet', []],
  ['oxycodone', 'er', '40', '1860137', 'Abuse-Deterrent 12 HR oxycodone hydrochloride 40 MG Extended Release Oral Tablet', []],
  ['oxycodone', 'er', '60', '1860127', 'Abuse-Deterrent 12 HR oxycodone hydrochloride 60 MG Extended Release Oral Tablet', []],
  ['oxycodone', 'er', '80', '1860148', 'Abuse-Deterrent 12 HR oxycodone hydrochloride 80 MG Extended Release Oral Tablet', []],
  ['hydrocodone', 'apap', '2.5', '857391', 'acetaminophen 325 MG / hydrocodone bitartrate 2.5 MG Oral Tablet', []],
  ['hydrocodone', 'apap', '5', '857002', 'acetaminophen 325 MG / hydrocodone bitartrate 5 MG Oral Tablet', ['Norco:857004']],
  ['hydrocodone', 'apap', '7.5', '857005', 'acetaminophen 325 MG / hydrocodone bitartrate 7.5 MG Oral Tablet', ['Norco:857007']],
  ['hydrocodone', 'apap', '10', '856999', 'acetaminophen 325 MG / hydrocodone bitartrate 10 MG Oral Tablet', ['Norco:857001']],
  ['hydrocodone', 'er', '20', '1595730', 'Abuse-Deterrent 24 HR hydrocodone bitartrate 20 MG Extended Release Oral Tablet', ['Hysingla:1595736']],
  ['hydrocodone', 'er', '30', '1595740', 'Abuse-Deterrent 24 HR hydrocodone bitartrate 30 MG Extended Release Oral Tablet', ['Hysingla:1595742']],
  ['hydrocodone', 'er', '40', '1595746', 'Abuse-Deterrent 24 HR hydrocodone bitartrate 40 MG Extended Release Oral Tablet', ['Hysingla:1595748']],
  ['hydrocodone', 'er', '60', '1595752', 'Abuse-Deterrent 24 HR hydrocodone bitartrate 60 MG Extended Release Oral Tablet', ['Hysingla:1595754']],
  ['hydrocodone', 'er', '80', '1595758', 'Abuse-Deterrent 24 HR hydrocodone bitartrate 80 MG Extended Release Oral Tablet', ['Hysingla:1595760']],
  ['hydrocodone', 'er', '100', '1595764', 'Abuse-Deterrent 24 HR hydrocodone bitartrate 100 MG Extended Release Oral Tablet', ['Hysingla:1595766']],
  ['hydrocodone', 'er', '120', '1595770', 'Abuse-Deterrent 24 HR hydrocodone bitartrate 120 MG Extended Release Oral Tablet', ['Hysingla:1595772']],
  ['hydromorphone', 'ir', '2', '897696', 'hydromorphone hydrochloride 2 MG Oral Tablet', ['Dilaudid:897698']],
  ['hydromorphone', 'ir', '4', '897702', 'hydromorphone hydrochloride 4 MG Oral Tablet', ['Dilaudid:897704']],
  ['hydromorphone', 'ir', '8', '897710', 'hydromorphone hydrochloride 8 MG Oral Tablet', ['Dilaudid:897712']],
  ['hydromorphone', 'er', '8', '902741', '24 HR hydromorphone hydrochloride 8 MG Extended Release Oral Tablet', ['Exalgo:902743']],
  ['hydromorphone', 'er', '12', '902729', '24 HR hydromorphone hydrochloride 12 MG Extended Release Oral Tablet', ['Exalgo:902733']],
  ['hydromorphone', 'er', '16', '902736', '24 HR hydromorphone hydrochloride 16 MG Extended Release Oral Tablet', ['Exalgo:902738']],
  ['hydromorphone', 'er', '32', '1306898', '24 HR hydromorphone hydrochloride 32 MG Extended Release Oral Tablet', ['Exalgo:1306900']],
  ['oxymorphone', 'ir', '5', '977939', 'oxymorphone hydrochloride 5 MG Oral Tablet', ['Opana:977940']],
  ['oxymorphone', 'ir', '10', '977942', 'oxymorphone hydrochloride 10 MG Oral Tablet', ['Opana:977943']],
  ['oxymorphone', 'er', '5', '977923', '12 HR oxymorphone hydrochloride 5 MG Extended Release Oral Tablet', []],
  ['oxymorphone', 'er', '7.5', '977929', '12 HR oxymorphone hydrochloride 7.5 MG Extended Release Oral Tablet', []],
  ['oxymorphone', 'er', '10', '977874', '12 HR oxymorphone hydrochloride 10 MG Extended Release Oral Tablet', []],
  ['oxymorphone', 'er', '15', '977894', '12 HR oxymorphone hydrochloride 15 MG Extended Release Oral Tablet', []],
  ['oxymorphone', 'er', '20', '977902', '12 HR oxymorphone hydrochloride 20 MG Extended Release Oral Tablet', []],
  ['oxymorphone', 'er', '30', '977909', '12 HR oxymorphone hydrochloride 30 MG Extended Release Oral Tablet', []],
  ['oxymorphone', 'er', '40', '977915', '12 HR oxymorphone hydrochloride 40 MG Extended Release Oral Tablet', []],
  ['codeine', 'ir', '15', '997170', 'codeine sulfate 15 MG Oral Tablet', []],
  ['codeine', 'ir', '30', '997287', 'codeine sulfate 30 MG Oral Tablet', []],
  ['codeine', 'ir', '60', '997296', 'codeine sulfate 60 MG Oral Tablet', []],
  ['codeine', 'apap', '30', '993781', 'acetaminophen 300 MG / codeine phosphate 30 MG Oral Tablet', ['Tylenol with Codeine:993837']],
  ['codeine', 'apap', '60', '993890', 'acetaminophen 300 MG / codeine phosphate 60 MG Oral Tablet', ['Tylenol with Codeine:993892']],
  ['tramadol', 'ir', '50', '835603', 'tramadol hydrochloride 50 MG Oral Tablet', ['Ultram:835605']],
  ['tramadol', 'er', '100', '833709', '24 HR tramadol hydrochloride 100 MG Extended Release Oral Tablet', []],
  ['tramadol', 'er', '200', '833711', '24 HR tramadol hydrochloride 200 MG Extended Release Oral Tablet', ['Ultram:845315']],
  ['tramadol', 'er', '300', '833713', '24 HR tramadol hydrochloride 300 MG Extended Release Oral Tablet', ['Ultram:845316']],
  ['tapentadol', 'ir', '50', '825411', 'tapentadol 50 MG Oral Tablet', ['Nucynta:854142']],
  ['tapentadol', 'ir', '75', '825413', 'tapentadol 75 MG Oral Tablet', ['Nucynta:854144']],
  ['tapentadol', 'ir', '100', '825409', 'tapentadol 100 MG Oral Tablet', ['Nucynta:854140']],
  ['tapentadol', 'er', '50', '1148809', '12 HR tapentadol 50 MG Extended Release Oral Tablet', ['Nucynta:1149378']],
  ['tapentadol', 'er', '100', '1148797', '12 HR tapentadol 100 MG Extended Release Oral Tablet', ['Nucynta:1149367']],
  ['tapentadol', 'er', '150', '1148800', '12 HR tapentadol 150 MG Extended Release Oral Tablet', ['Nucynta:1149370']],
  ['tapentadol', 'er', '200', '1148803', '12 HR tapentadol 200 MG Extended Release Oral Tablet', ['Nucynta:1149373']],
  ['tapentadol', 'er', '250', '1148807', '12 HR tapentadol 250 MG Extended Release Oral Tablet', ['Nucynta:1149376']],
  ['fentanyl', 'patch', '12', '577057', '72 HR fentanyl 0.012 MG/HR Transdermal System', ['Duragesic:583490']],
  ['fentanyl', 'patch', '25', '245134', '72 HR fentanyl 0.025 MG/HR Transdermal System', ['Duragesic:261184']],
  ['fentanyl', 'patch', '37.5', '1603495', '72 HR fentanyl 0.0375 MG/HR Transdermal System', []],
  ['fentanyl', 'patch', '50', '245135', '72 HR fentanyl 0.05 MG/HR Transdermal System', ['Duragesic:261185']],
  ['fentanyl', 'patch', '62.5', '1603498', '72 HR fentanyl 0.0625 MG/HR Transdermal System', []],
  ['fentanyl', 'patch', '75', '197696', '72 HR fentanyl 0.075 MG/HR Transdermal System', ['Duragesic:261186']],
  ['fentanyl', 'patch', '87.5', '1603501', '72 HR fentanyl 0.0875 MG/HR Transdermal System', []],
  ['fentanyl', 'patch', '100', '245136', '72 HR fentanyl 0.1 MG/HR Transdermal System', ['Duragesic:262071']],
  ['methadone', 'tablet', '5', '864718', 'methadone hydrochloride 5 MG Oral Tablet', ['Dolophine:864720']],
  ['methadone', 'tablet', '10', '864706', 'methadone hydrochloride 10 MG Oral Tablet', ['Dolophine:864708']],
  ['methadone', 'oral-solution', '1', '864761', 'methadone hydrochloride 1 MG/ML Oral Solution', []],
  ['buprenorphine', 'film', '2', '1010600', 'buprenorphine 2 MG / naloxone 0.5 MG Sublingual Film', ['Suboxone:1010603']],
  ['buprenorphine', 'film', '4', '1307056', 'buprenorphine 4 MG / naloxone 1 MG Sublingual Film', ['Suboxone:1307058']],
  ['buprenorphine', 'film', '8', '1010604', 'buprenorphine 8 MG / naloxone 2 MG Sublingual Film', ['Suboxone:1010606']],
  ['buprenorphine', 'film', '12', '1307061', 'buprenorphine 12 MG / naloxone 3 MG Sublingual Film', ['Suboxone:1307063']],
  ['oxycodone', 'apap', '2.5', '1049635', 'acetaminophen 325 MG / oxycodone hydrochloride 2.5 MG Oral Tablet', ['Percocet:1049637']],
  ['oxycodone', 'apap', '5', '1049221', 'acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral Tablet', ['Percocet:1049640']],
  ['oxycodone', 'apap', '7.5', '1049225', 'acetaminophen 325 MG / oxycodone hydrochloride 7.5 MG Oral Tablet', ['Percocet:1049642']],
  ['oxycodone', 'apap', '10', '1049214', 'acetaminophen 325 MG / oxycodone hydrochloride 10 MG Oral Tablet', ['Percocet:1049625']],
  ['oxycodone', 'xtampza', '10', '1790527', 'Abuse-Deterrent 12 HR oxycodone 9 MG Extended Release Oral Capsule', ['Xtampza:1790533']],
  ['oxycodone', 'xtampza', '15', '1791558', 'Abuse-Deterrent 12 HR oxycodone 13.5 MG Extended Release Oral Capsule', ['Xtampza:1791560']],
  ['oxycodone', 'xtampza', '20', '1791567', 'Abuse-Deterrent 12 HR oxycodone 18 MG Extended Release Oral Capsule', ['Xtampza:1791569']],
  ['oxycodone', 'xtampza', '30', '1791574', 'Abuse-Deterrent 12 HR oxycodone 27 MG Extended Release Oral Capsule', ['Xtampza:1791576']],
  ['oxycodone', 'xtampza', '40', '1791580', 'Abuse-Deterrent 12 HR oxycodone 36 MG Extended Release Oral Capsule', ['Xtampza:1791582']],
  ['morphine', 'er-capsule', '10', '892494', 'morphine sulfate 10 MG Extended Release Oral Capsule', ['Kadian:892496']],
  ['morphine', 'er-capsule', '20', '892596', 'morphine sulfate 20 MG Extended Release Oral Capsule', ['Kadian:892598']],
  ['morphine', 'er-capsule', '30', '892345', 'morphine sulfate 30 MG Extended Release Oral Capsule', ['Kadian:892658']],
  ['morphine', 'er-capsule', '40', '1303736', 'morphine sulfate 40 MG Extended Release Oral Capsule', ['Kadian:1303738']],
  ['morphine', 'er-capsule', '50', '894801', 'morphine sulfate 50 MG Extended Release Oral Capsule', ['Kadian:894803']],
  ['morphine', 'er-capsule', '60', '892352', 'morphine sulfate 60 MG Extended Release Oral Capsule', ['Kadian:894805']],
  ['morphine', 'er-capsule', '80', '894814', 'morphine sulfate 80 MG Extended Release Oral Capsule', ['Kadian:894816']],
  ['morphine', 'er-capsule', '100', '892554', 'morphine sulfate 100 MG Extended Release Oral Capsule', ['Kadian:892556']],
  ['morphine', 'er-capsule', '200', '892643', 'morphine sulfate 200 MG Extended Release Oral Capsule', ['Kadian:892645']],
  ['morphine', 'solution-10mg-5ml', '1', '892589', 'morphine sulfate 2 MG/ML Oral Solution', []],
  ['morphine', 'solution-20mg-5ml', '2', '894780', 'morphine sulfate 4 MG/ML Oral Solution', []],
  ['morphine', 'concentrate-100mg-5ml', '5', '892625', 'morphine sulfate 20 MG/ML Oral Solution', []],
  ['hydromorphone', 'oral-solution', '0.5', '897657', 'hydromorphone hydrochloride 1 MG/ML Oral Solution', ['Dilaudid:897658']],
  ['buprenorphine', 'patch', '5', '904880', '168 HR buprenorphine 0.005 MG/HR Transdermal System', ['BuTrans:904882']],
  ['buprenorphine', 'patch', '7.5', '1542997', '168 HR buprenorphine 0.0075 MG/HR Transdermal System', ['BuTrans:1542999']],
  ['buprenorphine', 'patch', '10', '904870', '168 HR buprenorphine 0.01 MG/HR Transdermal System', ['BuTrans:904874']],
  ['buprenorphine', 'patch', '15', '1432969', '168 HR buprenorphine 0.015 MG/HR Transdermal System', ['BuTrans:1432971']],
  ['buprenorphine', 'patch', '20', '904876', '168 HR buprenorphine 0.02 MG/HR Transdermal System', ['BuTrans:904878']],
  ['buprenorphine', 'buccal-film', '75', '1716077', 'buprenorphine 0.075 MG Buccal Film', ['Belbuca:1716079']],
  ['buprenorphine', 'buccal-film', '150', '1716057', 'buprenorphine 0.15 MG Buccal Film', ['Belbuca:1716063']],
  ['buprenorphine', 'buccal-film', '300', '1716065', 'buprenorphine 0.3 MG Buccal Film', ['Belbuca:1716067']],
  ['buprenorphine', 'buccal-film', '450', '1716069', 'buprenorphine 0.45 MG Buccal Film', ['Belbuca:1716071']],
  ['buprenorphine', 'buccal-film', '600', '1716073', 'buprenorphine 0.6 MG Buccal Film', ['Belbuca:1716075']],
  ['buprenorphine', 'buccal-film', '750', '1716081', 'buprenorphine 0.75 MG Buccal Film', ['Belbuca:1716083']],
  ['buprenorphine', 'buccal-film', '900', '1716086', 'buprenorphine 0.9 MG Buccal Film', ['Belbuca:1716090']],
];

describe('RxNorm clinical drug codes of each product strength', () => {
  it('the data holds exactly the pinned rows, in order', () => {
    expect(RXNORM_CLINICAL_DRUGS.map((e) => [e.drug, e.formulation, e.strength, e.scd.code, e.scd.name, e.sbd.map((s) => `${s.brand}:${s.code}`)])).toEqual(PINS);
  });

  it.each(PINS)('%s %s %s: SCD %s (%s)', (drug, formulation, strength, scd, name, sbds) => {
    const entry = clinicalDrugCode(drug, formulation, strength)!;
    expect(entry.scd).toEqual({ code: scd, name });
    expect(entry.source).toBe('omtk-rxnav-2020');
    expect(entry.locator).toContain(`drugCode ${scd} '${name}'`);
    for (const [index, pin] of sbds.entries()) {
      const [brand, code] = pin.split(':');
      expect(entry.sbd[index]).toEqual({ code, name: `${name} [${brand}]`, brand });
      expect(entry.locator).toContain(`drugCode ${code} '[${brand}]'`);
      expect(productForCode(code!)).toMatchObject({ drug, formulation, strength, tty: 'SBD', brand, scd });
    }
    expect(productForCode(scd)).toEqual({ drug, formulation, strength, tty: 'SCD', code: scd, name, scd, source: 'omtk-rxnav-2020', locator: entry.locator });
  });

  it('each row is a real strength of a real product, and its RxNorm name states that strength', () => {
    for (const entry of RXNORM_CLINICAL_DRUGS) {
      const formulation = DRUGS.find((d) => d.id === entry.drug)?.formulations.find((f) => f.id === entry.formulation);
      expect(formulation, `${entry.drug} ${entry.formulation}`).toBeDefined();
      expect(formulation!.strengths.map((s) => s.amount)).toContain(entry.strength);
      // Oral liquids: the concentration in mg/mL (the strength is the mg in one measured step); Xtampza ER: the label's
      // base amount; patches: the rate in mg/h; buccal films: mcg as mg.
      const liquid = formulation!.liquid;
      const labelAmount = formulation!.strengths.find((s) => s.amount === entry.strength)?.labelAmount;
      const stated =
        entry.formulation === 'patch'
          ? `${Number(entry.strength) / 1000} MG/HR`
          : entry.formulation === 'buccal-film'
            ? ` ${Number(entry.strength) / 1000} MG`
            : liquid
              ? ` ${Number(liquid.amount) / Number(liquid.volumeMl)} MG/ML`
              : entry.formulation === 'oral-solution'
                ? `${entry.strength} MG/ML`
                : ` ${labelAmount ?? entry.strength} MG`;
      expect(entry.scd.name).toContain(stated);
      expect(entry.scd.name.toLowerCase()).toContain(entry.drug);
    }
    expect(SOURCES['omtk-rxnav-2020']?.url).toBe('https://github.com/cqframework/opioid-mme-r4/blob/master/input/cql/OMTKData.cql');
  });

  it('codes are unique, and lookups compare strengths as decimals', () => {
    const codes = RXNORM_CLINICAL_DRUGS.flatMap((e) => [e.scd.code, ...e.sbd.map((s) => s.code)]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(clinicalDrugCode('fentanyl', 'patch', '37.50')?.scd.code).toBe('1603495');
    expect(clinicalDrugCode('oxycodone', 'ir', '7.5')).toBeNull();
    expect(productForCode(' 1049621 ')?.strength).toBe('5');
    expect(productForCode('7804')).toBeNull();
    expect(clinicalDrugCodes().slice(0, RXNORM_CLINICAL_DRUGS.length)).toEqual(RXNORM_CLINICAL_DRUGS);
  });

  it('the gaps: every opioid strength has a code except the buprenorphine sublingual tablet; no other class has codes yet', () => {
    const missing = DRUGS.flatMap((d) => d.formulations.flatMap((f) => f.strengths.filter((s) => !clinicalDrugCode(d.id, f.id, s.amount)).map(() => `${d.drugClass}:${d.id}:${f.id}`)));
    const opioidGaps = [...new Set(missing.filter((m) => m.startsWith('opioid:')))];
    expect(opioidGaps).toEqual(['opioid:buprenorphine:sl-tablet']);
    expect(new Set(RXNORM_CLINICAL_DRUGS.map((e) => DRUGS.find((d) => d.id === e.drug)!.drugClass))).toEqual(new Set(['opioid']));
  });
});

describe('SNOMED CT route codes', () => {
  it('pins each route to its code and display (FHIR SNOMED CT Route Codes value set)', () => {
    expect(ROUTE_CODES).toEqual({
      oral: { system: 'http://snomed.info/sct', code: '26643006', display: 'Oral route', source: 'fhir-route-codes', locator: 'SNOMED CT Route Codes value set, expansion: 26643006 Oral route' },
      sublingual: { system: 'http://snomed.info/sct', code: '37839007', display: 'Sublingual route', source: 'fhir-route-codes', locator: 'SNOMED CT Route Codes value set, expansion: 37839007 Sublingual route' },
      buccal: { system: 'http://snomed.info/sct', code: '54471007', display: 'Buccal route', source: 'fhir-route-codes', locator: 'SNOMED CT Route Codes value set, expansion: 54471007 Buccal route' },
      transdermal: { system: 'http://snomed.info/sct', code: '45890007', display: 'Transdermal route', source: 'fhir-route-codes', locator: 'SNOMED CT Route Codes value set, expansion: 45890007 Transdermal route' },
    });
    expect(SOURCES['fhir-route-codes']?.url).toBe('https://hl7.org/fhir/R4/valueset-route-codes.html');
    for (const drug of DRUGS) for (const f of drug.formulations) expect(ROUTE_CODES[f.route], `${drug.id} ${f.id}`).toBeDefined();
  });
});
