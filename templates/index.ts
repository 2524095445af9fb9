/**
 * Registry of document templates: type -> template (schema, build, fromCase) and the case kind
 * it applies to. The documents service looks a type up here, calls `fromCase` (null -> 422
 * DOCUMENT_NOT_APPLICABLE), validates with `schema`, builds the layout and renders it.
 */
import { acceptanceNotice } from './acceptance-notice.template';
import { caseHistory } from './case-history.template';
import { collectiveContract } from './collective-contract.template';
import type { DocumentTemplate, DocumentType } from './common';
import { congressResolution } from './congress-resolution.template';
import { consultationReply } from './consultation-reply.template';
import { consultationRequest } from './consultation-request.template';
import { coordinationAgreement } from './coordination-agreement.template';
import { filingForm } from './filing-form.template';
import type { Locale } from './format';
import type { LayoutDocument } from './layout';
import { mediationAgreement } from './mediation-agreement.template';
import { mediationApplication } from './mediation-application.template';
import { mediationFailureRecord } from './mediation-failure-record.template';
import { mediationRecord } from './mediation-record.template';
import { meetingMinutes } from './meeting-minutes.template';
import { representativesList } from './representatives-list.template';
import { reviewOpinion } from './review-opinion.template';
import { settlementAgreement } from './settlement-agreement.template';
import type { CaseKind, CaseRecord, FromCaseOptions, HistoryEvent, Orgs } from './source';

export type { DocumentTemplate, DocumentType } from './common';
export type { LayoutDocument } from './layout';
export type { CaseRecord, ChainVerification, FromCaseOptions, HistoryEvent, Orgs } from './source';
export type { Locale } from './format';

export const TEMPLATES: { readonly [T in DocumentType]: DocumentTemplate } = {
  mediation_application: mediationApplication,
  acceptance_notice: acceptanceNotice,
  mediation_record: mediationRecord,
  mediation_agreement: mediationAgreement,
  settlement_agreement: settlementAgreement,
  mediation_failure_record: mediationFailureRecord,
  case_history: caseHistory,
  consultation_request: consultationRequest,
  consultation_reply: consultationReply,
  representatives_list: representativesList,
  meeting_minutes: meetingMinutes,
  collective_contract: collectiveContract,
  congress_resolution: congressResolution,
  filing_form: filingForm,
  review_opinion: reviewOpinion,
  coordination_agreement: coordinationAgreement,
};

export const DOCUMENT_TYPES = Object.keys(TEMPLATES) as DocumentType[];

export function isDocumentType(type: string): type is DocumentType {
  return Object.prototype.hasOwnProperty.call(TEMPLATES, type);
}

/** Does this document type exist for cases of this kind? */
export function appliesTo(type: DocumentType, kind: CaseKind): boolean {
  const k = TEMPLATES[type].kind;
  return k === 'both' || k === kind;
}

/** The document types of a case kind. */
export function documentTypesFor(kind: CaseKind): DocumentType[] {
  return DOCUMENT_TYPES.filter((type) => appliesTo(type, kind));
}

/**
 * Data and layout of a document, or `null` when the case has no source for it yet (or the type
 * does not apply to the case's kind): the caller answers 422 DOCUMENT_NOT_APPLICABLE.
 * Throws when the extracted data fails the template's schema (a bug, not a client error).
 */
export function prepareDocument(
  type: DocumentType,
  caseRecord: CaseRecord,
  history: readonly HistoryEvent[],
  orgs: Orgs,
  locale: Locale,
  options: FromCaseOptions = {},
): { sourceSeq: number; data: unknown; layout: LayoutDocument } | null {
  if (!appliesTo(type, caseRecord.kind)) return null;
  const template = TEMPLATES[type];
  const sourced = template.fromCase(caseRecord, history, orgs, options);
  if (!sourced) return null;
  const data = template.schema.parse(sourced.data);
  return { sourceSeq: sourced.sourceSeq, data, layout: template.build(data, locale) };
}
