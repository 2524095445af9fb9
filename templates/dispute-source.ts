/** Reading a dispute case's context for the dispute templates. */
import { type Applicant, type Claim, compact, type Respondent } from './common';
import type { Block } from './layout';
import { t } from './labels';
import type { Locale } from './format';
import { type CaseRecord, type Orgs, orgName } from './source';

export function parties(c: CaseRecord): { applicant: Applicant; respondent: Respondent } {
  const a = c.data?.applicant ?? {};
  const r = c.data?.respondent ?? {};
  return {
    applicant: compact({ name: String(a.name ?? ''), idNumber: a.idNumber, phone: a.phone, address: a.address, workers: a.workers }),
    respondent: compact({
      name: String(r.name ?? ''),
      creditCode: r.creditCode,
      address: r.address,
      legalRepresentative: r.legalRepresentative,
    }),
  };
}

export function claims(c: CaseRecord): Claim[] {
  return (c.data?.claims ?? []).map((x: any) => compact({ type: x.type, amount: x.amount, description: x.description ?? '' }));
}

/** The mediation committee's name, when the case names one the service knows. */
export function committee(c: CaseRecord, orgs: Orgs): string | undefined {
  const name = orgName(orgs, c.data?.mediation?.committeeId ?? c.data?.mediationCommitteeId, '');
  return name || undefined;
}

export function committeeOrDefault(name: string | undefined, locale: Locale): string {
  return name ?? t(locale, '劳动争议调解委员会', 'Labor-dispute mediation committee');
}

/** The date the mediation application was received: opening on the mediation route, or applying later. */
export function mediationReceivedOn(c: CaseRecord): string | undefined {
  return c.data?.mediation?.appliedOn ?? (c.data?.route === 'mediation' ? c.data?.receivedOn : undefined);
}

/** The legal basis of the document, printed at the foot of its last page. */
export function basis(locale: Locale, zh: string, en: string): Block {
  return { kind: 'basis', text: t(locale, `依据：${zh}`, `Legal basis: ${en}`) };
}

/** `申请人张三与被申请人某公司` / `between Zhang San (applicant) and X Co. (respondent)`. */
export function between(applicant: string, respondent: string, locale: Locale): string {
  return t(locale, `申请人${applicant}与被申请人${respondent}`, `between ${applicant} (applicant) and ${respondent} (respondent)`);
}
