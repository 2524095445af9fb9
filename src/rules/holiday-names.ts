/** Names of the statutory holidays, English and Chinese, as the explanations print them. */
export interface HolidayName {
  en: string;
  zh: string;
}

export const HOLIDAYS = {
  newYear: { en: "New Year's Day", zh: '元旦' },
  springFestival: { en: 'Spring Festival', zh: '春节' },
  qingming: { en: 'Qingming Festival', zh: '清明节' },
  labourDay: { en: 'Labour Day', zh: '劳动节' },
  dragonBoat: { en: 'Dragon Boat Festival', zh: '端午节' },
  midAutumn: { en: 'Mid-Autumn Festival', zh: '中秋节' },
  nationalDay: { en: 'National Day', zh: '国庆节' },
  nationalDayMidAutumn: { en: 'National Day and Mid-Autumn Festival', zh: '国庆节、中秋节' },
  victory70: {
    en: 'Victory Day (70th anniversary)',
    zh: '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日',
  },
} satisfies Record<string, HolidayName>;

/** The `chinese-days` package's Chinese names mapped to ours (it abbreviates some). */
const BY_PACKAGE_ZH: Record<string, HolidayName> = {
  元旦: HOLIDAYS.newYear,
  春节: HOLIDAYS.springFestival,
  清明: HOLIDAYS.qingming,
  劳动节: HOLIDAYS.labourDay,
  端午: HOLIDAYS.dragonBoat,
  中秋: HOLIDAYS.midAutumn,
  国庆节: HOLIDAYS.nationalDay,
  [HOLIDAYS.victory70.zh]: HOLIDAYS.victory70,
};

/** Parses a `chinese-days` label such as `"National Day,国庆节,3"`. */
export function fromPackageLabel(label: string): HolidayName {
  const [en, zh] = label.split(',');
  return BY_PACKAGE_ZH[zh] ?? { en: en || zh || label, zh: zh || label };
}

/** Parses an override's free-text name: `"国庆节"`, `"National Day"` or `"National Day/国庆节"`. */
export function fromOverrideName(name: string): HolidayName {
  const known = Object.values(HOLIDAYS).find((h) => h.zh === name || h.en === name) ?? BY_PACKAGE_ZH[name];
  if (known) return known;
  const parts = name.split(/[/|,，]/).map((s) => s.trim()).filter(Boolean);
  const zh = parts.find((p) => /[\u4e00-\u9fff]/.test(p));
  const en = parts.find((p) => !/[\u4e00-\u9fff]/.test(p));
  return { en: en ?? zh ?? name, zh: zh ?? en ?? name };
}

/** "National Day holiday (国庆节)". */
export function holidayPhrase(name: HolidayName): string {
  return name.en === name.zh ? `${name.en} holiday` : `${name.en} holiday (${name.zh})`;
}
