/** Display names of the domain's enumerations, zh-CN and en. */
import type { Locale } from './format';

export type Labels = Record<string, readonly [zh: string, en: string]>;

/** The label of `key` in `locale`; an unknown key prints as itself rather than failing. */
export function label(labels: Labels, key: string | null | undefined, locale: Locale): string {
  if (!key) return '';
  const l = labels[key];
  return l ? l[locale === 'zh-CN' ? 0 : 1] : key;
}

/** Pick the zh-CN or en text. */
export function t(locale: Locale, zh: string, en: string): string {
  return locale === 'zh-CN' ? zh : en;
}

/** Claim types (LDMAL Art 2). */
export const CLAIM_TYPES: Labels = {
  labor_relationship: ['确认劳动关系', 'Confirmation of the labor relationship'],
  contract: ['订立、履行、变更、解除和终止劳动合同', 'Conclusion, performance, change, rescission or termination of the labor contract'],
  dismissal: ['除名、辞退和辞职、离职', 'Removal, dismissal, resignation or leaving the job'],
  working_time_leave: ['工作时间、休息休假', 'Working time, rest and leave'],
  social_insurance: ['社会保险', 'Social insurance'],
  welfare_training_protection: ['福利、培训以及劳动保护', 'Welfare, training and labor protection'],
  unpaid_wages: ['拖欠劳动报酬', 'Unpaid wages'],
  overtime_pay: ['加班费', 'Overtime pay'],
  work_injury_medical: ['工伤医疗费', 'Work-injury medical expenses'],
  economic_compensation: ['经济补偿', 'Economic compensation'],
  damages: ['赔偿金', 'Damages'],
  other: ['其他', 'Other'],
};

export const CHANNELS: Labels = {
  walk_in: ['当面口头申请', 'In person (oral)'],
  written: ['书面申请', 'In writing'],
  online: ['网上申请', 'Online'],
  hotline: ['电话申请', 'By telephone'],
  referral: ['转介', 'Referral'],
};

/** Collective-contract clause topics (CCP Art 8). */
export const TOPICS: Labels = {
  pay: ['劳动报酬', 'Pay'],
  working_hours: ['工作时间', 'Working hours'],
  rest_leave: ['休息休假', 'Rest and leave'],
  safety_health: ['劳动安全与卫生', 'Occupational safety and health'],
  supplementary_insurance_welfare: ['补充保险和福利', 'Supplementary insurance and welfare'],
  female_juvenile_protection: ['女职工和未成年工特殊保护', 'Special protection of female and juvenile workers'],
  training: ['职业技能培训', 'Vocational training'],
  contract_management: ['劳动合同管理', 'Labor-contract management'],
  rewards_penalties: ['奖惩', 'Rewards and penalties'],
  layoffs: ['裁员', 'Layoffs'],
  term: ['集体合同期限', 'Term of the contract'],
  change_rescission_procedure: ['变更、解除集体合同的程序', 'Procedure for changing or rescinding the contract'],
  dispute_handling: ['履行集体合同发生争议时的协商处理办法', 'Handling of disputes over performance'],
  liability: ['违反集体合同的责任', 'Liability for breach'],
  other: ['双方认为应当协商的其他内容', 'Other matters'],
};

export const CONTRACT_TYPES: Labels = {
  comprehensive: ['集体合同', 'Collective contract'],
  wages: ['工资专项集体合同', 'Special collective contract on wages'],
  female_workers: ['女职工权益保护专项集体合同', 'Special collective contract on female workers'],
  safety_health: ['劳动安全卫生专项集体合同', 'Special collective contract on safety and health'],
  other: ['专项集体合同', 'Special collective contract'],
};

export const SCOPES: Labels = {
  enterprise: ['企业', 'Enterprise'],
  industry: ['行业', 'Industry'],
  regional: ['区域', 'Regional'],
};

export const SIDES: Labels = {
  union: ['职工方', 'Union side'],
  employer: ['企业方', 'Employer side'],
};

export const DECLINE_REASONS: Labels = {
  out_of_scope: ['申请事项不属于劳动争议调解的受理范围', 'the matter is outside the scope of labor-dispute mediation'],
  respondent_refuses: ['被申请人不同意调解', 'the respondent does not agree to mediation'],
};

export const VOTE_BODIES: Labels = {
  workers_congress: ['职工代表大会', "workers' congress"],
  all_employees: ['全体职工大会', 'all-employee assembly'],
};

export const VOTE_METHODS: Labels = {
  secret_ballot: ['无记名投票', 'secret ballot'],
  show_of_hands: ['举手表决', 'show of hands'],
};

export const SIGN_METHODS: Labels = {
  signature: ['签名', 'signed'],
  seal: ['盖章', 'sealed'],
  thumbprint: ['按指印', 'thumbprint'],
};

export const ROLES: Labels = {
  mediator: ['调解员', 'Mediator'],
  union_rep: ['工会代表', 'Union representative'],
  employer_rep: ['用人单位代表', 'Employer representative'],
  labor_officer: ['劳动行政部门工作人员', 'Labor officer'],
  auditor: ['审计人员', 'Auditor'],
  admin: ['管理员', 'Administrator'],
  system: ['系统', 'System'],
};

export const OUTCOMES: Labels = {
  resolved: ['已解决', 'resolved'],
  withdrawn: ['已撤回', 'withdrawn'],
  notAccepted: ['不予受理', 'not accepted'],
  referredToArbitration: ['已转仲裁', 'referred to arbitration'],
  paymentOrder: ['已申请支付令', 'payment order applied for'],
  unresolved: ['未解决', 'unresolved'],
  abandoned: ['已放弃', 'abandoned'],
  rescinded: ['已解除', 'rescinded'],
  renewed: ['已续订', 'renewed'],
  expired: ['已期满', 'expired'],
};

export const CASE_KINDS: Labels = {
  dispute: ['劳动争议', 'Labor dispute'],
  collective: ['集体协商', 'Collective consultation'],
};
