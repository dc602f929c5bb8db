// The catalogue and the organisations, read once per page: both change rarely, and only by an administrator.

import { getJsonOnce } from '../common/api';
import { currentLang } from '../common/i18n';
import type { Field } from './dialog';
import type { CategoryView, OrganisationView } from './types';

export async function categoryOptions(): Promise<Field['options']> {
  const categories = await getJsonOnce<CategoryView[]>('/api/catalogue/categories');
  const english = currentLang() === 'en';
  return categories.map((c) => ({ value: c.code, label: `${english ? c.nameEn : c.nameZh} (${c.code})` }));
}

export async function organisationOptions(): Promise<Field['options']> {
  return (await getJsonOnce<OrganisationView[]>('/api/organisations')).map((o) => ({ value: o.code, label: `${o.name} · ${o.typeZh}` }));
}
