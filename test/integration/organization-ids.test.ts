import { randomUUID } from 'node:crypto';
import { auth, makeOrg, makeUser } from './support/harness';
import { daysAgo, disputeBody, disputeWorld, send, type DisputeWorld } from './support/world';

/**
 * audit.md §3 (O1-O4): every organization id inside a case names an organization of its field's
 * kind, a case's bureau is not replaced, and a user acts only through their role's own field.
 */

// The statutory dates below are counted from this instant: nothing elapses between the steps.
const NOW = new Date('2026-11-18T02:00:00.000Z');
const today = () => daysAgo(0, NOW);

let w: DisputeWorld;
let foreign: { employer: { id: string }; union: { id: string }; employerRep: { token: string }; unionRep: { token: string } };
let commission: { id: string };
let otherBureau: { id: string };
let otherOfficer: { token: string };
let otherUnion: { id: string };
let otherUnionRep: { token: string; id: string };

beforeAll(async () => {
  w = await disputeWorld();
  w.now.value = NOW;
  // Another tenant: its own employer and union, with users of their own.
  const employer = await makeOrg(w.db, 'employer');
  const union = await makeOrg(w.db, 'union');
  foreign = { employer, union, employerRep: await makeUser(w.db, 'employer_rep', employer.id), unionRep: await makeUser(w.db, 'union_rep', union.id) };
  commission = await makeOrg(w.db, 'arbitration_commission');
  otherBureau = await makeOrg(w.db, 'labor_bureau');
  otherOfficer = await makeUser(w.db, 'labor_officer', otherBureau.id);
  otherUnion = await makeOrg(w.db, 'union');
  otherUnionRep = await makeUser(w.db, 'union_rep', otherUnion.id);
});
afterAll(() => w.close());

const view = (id: string, token: string) => w.http().get(`/api/v1/cases/${id}`).set(auth(token));
const historyLength = async (id: string) => (await w.http().get(`/api/v1/cases/${id}/history`).set(auth(w.users.auditor.token))).body.items.length as number;
const participants = async (id: string) => ((await w.db('cases').where({ id }).first('participants')).participants as string[]).slice().sort();
const generate = (id: string, token: string, type: string) => w.http().post(`/api/v1/cases/${id}/documents`).set(auth(token)).send({ type });

async function open(body: Record<string, unknown>, token: string): Promise<string> {
  const res = await w.http().post('/api/v1/cases').set(auth(token)).send(body);
  if (res.status !== 201) throw new Error(`open failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

async function go(id: string, event: Record<string, unknown>, token: string, state: string) {
  const res = await send(w, id, event, token);
  expect({ type: event.type, status: res.status, state: res.body.state, problem: res.status === 200 ? undefined : res.body }).toEqual({ type: event.type, status: 200, state, problem: undefined });
}

/** A dispute on the consultation route, refused by the employer: it now accepts APPLY_MEDIATION. */
async function failedConsultation(): Promise<string> {
  const id = await open(disputeBody(w, { route: 'consultation', receivedOn: daysAgo(2, NOW), knewOn: daysAgo(30, NOW) }), w.users.mediator.token);
  await go(id, { type: 'CONSULTATION_REFUSED', reason: '公司拒绝协商' }, w.users.employerRep.token, 'consultation.consultationFailed');
  return id;
}

/** A dispute just applied for mediation (no arbitration right yet: REFER_TO_ARBITRATION breaks LDMAL Art 14). */
const freshMediation = () => open(disputeBody(w, { receivedOn: daysAgo(2, NOW), knewOn: daysAgo(30, NOW) }), w.users.mediator.token);

/** A collective contract signed and ready to be filed with the labor bureau. */
async function signedCollective(extra: Record<string, unknown> = {}): Promise<string> {
  const union = w.users.unionRep.token;
  const employer = w.users.employerRep.token;
  const members = (names: string[]) => names.map((name, i) => ({ name, chief: i === 0, external: false }));
  const id = await open({
    kind: 'collective', requester: 'union', contractType: 'wages', scope: 'enterprise', title: `工资专项集体合同 ${randomUUID().slice(0, 6)}`,
    unionOrganizationId: w.orgs.union.id, employerOrganizationId: w.orgs.employer.id, topics: ['pay'], ...extra,
  }, union);
  await go(id, { type: 'SEND_REQUEST', receivedOn: today() }, union, 'awaitingResponse');
  await go(id, { type: 'RESPONSE', agrees: true }, employer, 'preparing');
  await go(id, { type: 'NAME_REPRESENTATIVES', side: 'union', members: members(['王一', '王二', '王三']) }, union, 'preparing');
  await go(id, { type: 'NAME_REPRESENTATIVES', side: 'employer', members: members(['赵一', '赵二', '赵三']) }, employer, 'preparing');
  await go(id, { type: 'APPOINT_RECORDER', name: '何记录' }, union, 'preparing');
  await go(id, { type: 'START_CONSULTATION' }, employer, 'consulting');
  await go(id, { type: 'RECORD_MEETING', heldOn: today(), chairSide: 'union', attendees: ['王一', '赵一'], summary: '协商' }, union, 'consulting');
  await go(id, { type: 'EDIT_DRAFT', clauses: [{ topic: 'pay', text: '工资增长5%', status: 'agreed' }] }, union, 'consulting');
  await go(id, { type: 'DRAFT_AGREED', draftVersion: 1 }, employer, 'congressReview');
  await go(id, { type: 'RECORD_VOTE', body: 'workers_congress', total: 100, present: 80, yes: 60, no: 15, abstain: 5, method: 'secret_ballot', heldOn: today() }, union, 'signing');
  await go(id, { type: 'SIGN_CONTRACT', signedOn: today(), termMonths: 12 }, union, 'signed');
  return id;
}

/** Sends an event that must be refused as INVALID_ORGANIZATION, and checks that nothing changed. */
async function expectRefused(id: string, event: Record<string, unknown>, token: string, field: string) {
  const before = { version: (await view(id, token)).body.version, events: await historyLength(id), participants: await participants(id) };
  const res = await send(w, id, event, token);
  expect({ status: res.status, body: res.body }).toEqual({
    status: 422,
    body: expect.objectContaining({ code: 'INVALID_ORGANIZATION', field, organizationId: event[field] }),
  });
  expect({ version: (await view(id, token)).body.version, events: await historyLength(id), participants: await participants(id) }).toEqual(before);
  // The organization injected did not become a participant: its people still get 404.
  expect((await view(id, foreign.employerRep.token)).status).toBe(404);
  expect((await view(id, foreign.unionRep.token)).status).toBe(404);
  return res.body as { detail: string };
}

describe('O1: every organization id in an event names an organization of the field\'s kind', () => {
  it('APPLY_MEDIATION.mediationCommitteeId: another tenant\'s employer or union, a bureau, a random id -> 422', async () => {
    const id = await failedConsultation();
    const m = w.users.mediator.token;
    const answers = [];
    for (const injected of [foreign.employer.id, foreign.union.id, w.orgs.bureau.id, randomUUID()]) {
      answers.push(await expectRefused(id, { type: 'APPLY_MEDIATION', mediationCommitteeId: injected }, m, 'mediationCommitteeId'));
    }
    // The same answer whether the id names nothing or an organization of another kind.
    expect(new Set(answers.map((a) => a.detail)).size).toBe(1);
    // A committee is accepted, and becomes the case's committee.
    await go(id, { type: 'APPLY_MEDIATION', mediationCommitteeId: w.orgs.committee.id }, m, 'mediation.awaitingAcceptance');
  });

  it('REFER_TO_ARBITRATION.commissionId: checked before the legal rules, a commission then meets them', async () => {
    const id = await freshMediation();
    const m = w.users.mediator.token;
    for (const injected of [foreign.union.id, w.orgs.committee.id, randomUUID()]) {
      await expectRefused(id, { type: 'REFER_TO_ARBITRATION', commissionId: injected }, m, 'commissionId');
    }
    // A real commission gets past O1 and meets the rule that refuses a referral this early.
    const early = await send(w, id, { type: 'REFER_TO_ARBITRATION', commissionId: commission.id }, m);
    expect(early.body).toMatchObject({ status: 422, code: 'RULE_VIOLATION', rule: expect.stringMatching(/^dispute\./) });

    const failed = await failedConsultation();
    await expectRefused(failed, { type: 'REFER_TO_ARBITRATION', commissionId: foreign.employer.id }, m, 'commissionId');
    const referred = await send(w, failed, { type: 'REFER_TO_ARBITRATION', commissionId: commission.id }, m);
    expect(referred.status).toBe(200);
    expect(referred.body.data.referral).toMatchObject({ commissionId: commission.id });
  });

  it('SUBMIT_FOR_FILING.laborBureauId: an employer, a union, a committee or a random id -> 422; a bureau is named', async () => {
    const id = await signedCollective();
    const employer = w.users.employerRep.token;
    const answers = [];
    for (const injected of [foreign.employer.id, foreign.union.id, w.orgs.committee.id, randomUUID()]) {
      answers.push(await expectRefused(id, { type: 'SUBMIT_FOR_FILING', receivedOn: today(), laborBureauId: injected }, employer, 'laborBureauId'));
    }
    expect(new Set(answers.map((a) => a.detail)).size).toBe(1);
    expect((await view(id, w.users.officer.token)).status).toBe(404);
    await go(id, { type: 'SUBMIT_FOR_FILING', receivedOn: today(), laborBureauId: w.orgs.bureau.id }, employer, 'underReview');
    // The bureau named on filing takes part and acts through laborBureauId.
    const officerView = await view(id, w.users.officer.token);
    expect(officerView.status).toBe(200);
    expect(officerView.body.nextEvents).toEqual(expect.arrayContaining([{ type: 'REVIEW_APPROVED', allowed: true }]));
  });

  it('comes after 409 EVENT_NOT_ALLOWED: a state that does not take the event answers 409 whatever the id', async () => {
    const mediation = await freshMediation();
    const res = await send(w, mediation, { type: 'APPLY_MEDIATION', mediationCommitteeId: foreign.employer.id }, w.users.mediator.token);
    expect(res.body).toMatchObject({ status: 409, code: 'EVENT_NOT_ALLOWED' });
    const collective = await open({
      kind: 'collective', requester: 'union', contractType: 'wages', scope: 'enterprise', title: '未签订的合同',
      unionOrganizationId: w.orgs.union.id, employerOrganizationId: w.orgs.employer.id, topics: ['pay'],
    }, w.users.unionRep.token);
    const early = await send(w, collective, { type: 'SUBMIT_FOR_FILING', receivedOn: today(), laborBureauId: foreign.union.id }, w.users.employerRep.token);
    expect(early.body).toMatchObject({ status: 409, code: 'EVENT_NOT_ALLOWED' });
  });
});

describe("O2: a case's bureau is not replaced; a new committee replaces the old one", () => {
  it('SUBMIT_FOR_FILING naming another bureau than the case\'s -> 422 INVALID_ORGANIZATION; that bureau sees nothing', async () => {
    const id = await signedCollective({ laborBureauId: w.orgs.bureau.id });
    const employer = w.users.employerRep.token;
    await expectRefused(id, { type: 'SUBMIT_FOR_FILING', receivedOn: today(), laborBureauId: otherBureau.id }, employer, 'laborBureauId');
    expect((await view(id, otherOfficer.token)).status).toBe(404);
    await go(id, { type: 'SUBMIT_FOR_FILING', receivedOn: today(), laborBureauId: w.orgs.bureau.id }, employer, 'underReview');
    expect((await view(id, employer)).body.data.laborBureauId).toBe(w.orgs.bureau.id);
  });

  it('the former committee reads the case but gets 403 on events and documents; the new one acts', async () => {
    const id = await failedConsultation();
    const former = w.users.mediator.token;
    const successor = w.users.otherMediator.token;
    const report = await generate(id, former, 'case_history');
    expect(report.status).toBe(201);
    await go(id, { type: 'APPLY_MEDIATION', mediationCommitteeId: w.orgs.otherCommittee.id }, former, 'mediation.awaitingAcceptance');

    const read = await view(id, former);
    expect(read.status).toBe(200);
    expect(read.body.data.mediationCommitteeId).toBe(w.orgs.otherCommittee.id);
    const awaiting = ['ACCEPT', 'DEADLINE_ELAPSED', 'DECLINE', 'LIMITATION_RESUMED', 'LIMITATION_SUSPENDED', 'REFER_TO_ARBITRATION', 'WITHDRAWN'];
    expect(read.body.nextEvents).toEqual(awaiting.map((type) => ({ type, allowed: false })));
    expect((await w.http().get(`/api/v1/cases/${id}/history`).set(auth(former))).status).toBe(200);
    expect((await w.http().get(`/api/v1/cases/${id}/documents`).set(auth(former))).status).toBe(200);
    expect((await w.http().get(`/api/v1/documents/${report.body.id}`).set(auth(former))).status).toBe(200);

    const version = read.body.version;
    const event = await send(w, id, { type: 'ACCEPT', respondentConsent: true }, former);
    expect(event.body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await generate(id, former, 'mediation_application')).body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await view(id, former)).body.version).toBe(version);

    const next = (await view(id, successor)).body.nextEvents;
    expect(next).toEqual(expect.arrayContaining([{ type: 'ACCEPT', allowed: true }]));
    expect((await generate(id, successor, 'mediation_application')).status).toBe(201);
    await go(id, { type: 'ACCEPT', respondentConsent: true }, successor, 'mediation.inProgress');
  });
});

describe("O3: rights come from the role's own party field", () => {
  /**
   * A union that takes part but is not the case's union: possible only for a case recorded before
   * O1 (when a union's id could be passed off as a committee), so it is made here in the database.
   */
  async function caseWithStrayUnion(): Promise<string> {
    const id = await failedConsultation();
    await w.db('cases').where({ id }).update({ participants: w.db.raw('array_append(participants, ?::uuid)', [otherUnion.id]) });
    return id;
  }

  it('a union representative of a union that only appears elsewhere reads, gets 403 and sees nothing allowed', async () => {
    const id = await caseWithStrayUnion();
    const read = await view(id, otherUnionRep.token);
    expect(read.status).toBe(200);
    expect(read.body.nextEvents).toEqual(expect.arrayContaining([{ type: 'APPLY_MEDIATION', allowed: false }]));
    expect(read.body.nextEvents.every((e: { allowed: boolean }) => e.allowed === false)).toBe(true);
    const res = await send(w, id, { type: 'APPLY_MEDIATION' }, otherUnionRep.token);
    expect(res.body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await generate(id, otherUnionRep.token, 'case_history')).body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    // The case's own union acts: the same event, from its representative.
    expect((await view(id, w.users.unionRep.token)).body.nextEvents).toEqual(expect.arrayContaining([{ type: 'APPLY_MEDIATION', allowed: true }]));
    await go(id, { type: 'APPLY_MEDIATION' }, w.users.unionRep.token, 'mediation.awaitingAcceptance');
  });

  it('403 comes where the role check does: after If-Match (412)', async () => {
    const id = await caseWithStrayUnion();
    const stale = await send(w, id, { type: 'APPLY_MEDIATION' }, otherUnionRep.token, { 'If-Match': '"999"' });
    expect(stale.status).toBe(412);
    const version = (await view(id, otherUnionRep.token)).body.version;
    const current = await send(w, id, { type: 'APPLY_MEDIATION' }, otherUnionRep.token, { 'If-Match': `"${version}"` });
    expect(current.status).toBe(403);
  });

  it('an auditor generates only the case history', async () => {
    const id = await failedConsultation();
    expect((await generate(id, w.users.auditor.token, 'case_history')).status).toBe(201);
    expect((await generate(id, w.users.auditor.token, 'mediation_application')).status).toBe(403);
  });
});

describe("O4: the opener's organization is named in their role's field", () => {
  const expectForbidden = async (body: Record<string, unknown>, token: string) => {
    const res = await w.http().post('/api/v1/cases').set(auth(token)).send(body);
    expect(res.body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  };
  const collective = (extra: Record<string, unknown>) => ({
    kind: 'collective', contractType: 'wages', scope: 'enterprise', title: '开启测试', topics: ['pay'],
    unionOrganizationId: w.orgs.union.id, employerOrganizationId: w.orgs.employer.id, ...extra,
  });

  const dispute = (extra: Record<string, unknown>) => disputeBody(w, { receivedOn: daysAgo(2, NOW), knewOn: daysAgo(30, NOW), ...extra });

  it('refuses an opener whose organization is absent from their field', async () => {
    // A mediator opening for another committee.
    await expectForbidden(dispute({ mediationCommitteeId: w.orgs.otherCommittee.id }), w.users.mediator.token);
    // A union representative assisting a consultation in another union's name.
    await expectForbidden(dispute({ route: 'consultation', unionOrganizationId: otherUnion.id }), w.users.unionRep.token);
    // Collective cases: each requesting side opens only in its own organization's name.
    await expectForbidden(collective({ requester: 'union', unionOrganizationId: otherUnion.id }), w.users.unionRep.token);
    await expectForbidden(collective({ requester: 'employer', employerOrganizationId: foreign.employer.id }), w.users.employerRep.token);
    // The opener's own organization in the field: opened.
    expect((await w.http().post('/api/v1/cases').set(auth(w.users.employerRep.token)).send(collective({ requester: 'employer' }))).status).toBe(201);
  });

  it("answers the opener's own field by O4 before any lookup: a foreign id and an unknown one are the same 403", async () => {
    const foreignId = await w.http().post('/api/v1/cases').set(auth(w.users.mediator.token)).send(dispute({ mediationCommitteeId: foreign.union.id }));
    const unknownId = await w.http().post('/api/v1/cases').set(auth(w.users.mediator.token)).send(dispute({ mediationCommitteeId: randomUUID() }));
    expect(foreignId.status).toBe(403);
    expect(unknownId.body).toEqual(foreignId.body);
  });

  it("an id in another field that names no organization of the field's kind stays 400 at opening", async () => {
    const res = await w.http().post('/api/v1/cases').set(auth(w.users.mediator.token)).send(dispute({ employerOrganizationId: foreign.union.id }));
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([expect.objectContaining({ path: 'employerOrganizationId' })]);
  });
});
