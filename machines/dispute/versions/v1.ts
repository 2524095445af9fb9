/**
 * Dispute machine version 1, kept for the cases that pin it: the current chart with the two
 * NOT_PERFORMED actions as version 1 had them, recording only the report's date. Replaying a
 * version-1 history through version 2 would add a breach day the stored snapshot lacks.
 */
import { assertEvent, assign } from 'xstate';
import type { CaseMachineDefinition } from '../../shared/definition';
import { compact, dateOf, need } from '../dispute.context';
import { disputeMachine } from '../dispute.machine';
import { disputeDefinition } from '..';

export const disputeMachineV1 = disputeMachine.provide({
  actions: {
    recordSettlementBreach: assign(({ context, event }) => {
      assertEvent(event, 'NOT_PERFORMED');
      const settlement = need(context.settlement, 'settlement');
      return { settlement: { ...settlement, notPerformed: compact({ detail: event.detail, on: dateOf(event) }) } };
    }),
    recordAgreementBreach: assign(({ context, event }) => {
      assertEvent(event, 'NOT_PERFORMED');
      const agreement = need(context.agreement, 'agreement');
      return { agreement: compact({ ...agreement, breach: compact({ detail: event.detail, on: dateOf(event) }) }) };
    }),
  },
});

export const disputeDefinitionV1: CaseMachineDefinition = { ...disputeDefinition, version: '1', machine: disputeMachineV1 };
