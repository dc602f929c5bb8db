// The catalogue and the organisations, read once per page: both change rarely, and only by an administrator.

import { getJson } from '../common/api';
import { currentLang } from '../common/i18n';
import type { Field } from './dialog';
import type { CategoryView, OrganisationView } from './types';

let categories: Promise<CategoryView[]> | null = null;
let organisations: Promise<OrganisationView[]> | null = null;

export async function categoryOptions(): Promise<Field['options']> {
  categories ??= getJson<CategoryView[]>('/api/catalogue/categories').catch((error) => {
    categories = null;
    throw error;
  });
  const english = currentLang() === 'en';
  return (await categories).map((c) => ({ value: c.code, label: `${english ? c.nameEn : c.nameZh} (${c.code})` }));
}

export async function organisationOptions(): Promise<Field['options']> {
  organisations ??= getJson<OrganisationView[]>('/api/organisations').catch((error) => {
    organisations = null;
    throw error;
  });
  return (await organisations).map((o) => ({ value: o.code, label: `${o.name} · ${o.typeZh}` }));
}
