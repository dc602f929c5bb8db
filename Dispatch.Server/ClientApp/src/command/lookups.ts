// The catalogue, the organisations and the communities, read once per page: both change rarely, and only by an administrator.

import { getJsonOnce } from '../common/api';
import { currentLang, pick } from '../common/i18n';
import type { Field } from './dialog';
import { TEXT } from './text';
import type { CategoryView, OrganisationView } from './types';

const KIND_ORDER: Record<string, number> = { Police: 0, NonPolice: 1, Dispute: 2 };

/** The catalogue grouped by kind (警务类, 非警务类, 纠纷类), names in the page's language, for a searchable choice. */
export async function categoryOptions(): Promise<Field['options']> {
  const categories = await getJsonOnce<CategoryView[]>('/api/catalogue/categories');
  const english = currentLang() === 'en';
  const kinds = pick(TEXT).kind as Record<string, string>;
  return [...categories]
    .sort((a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || a.code.localeCompare(b.code))
    .map((c) => ({ value: c.code, label: english ? `${c.nameEn} (${c.code})` : `${c.nameZh}（${c.code}）`, group: kinds[c.kind] ?? c.kind }));
}

export async function organisationOptions(): Promise<Field['options']> {
  return (await getJsonOnce<OrganisationView[]>('/api/organisations')).map((o) => ({ value: o.code, label: `${o.name} · ${o.typeZh}` }));
}

/**
 * The communities, by name. The same read as the command map's areas (its default levels), so the page fetches them
 * once whichever asks first.
 */
export async function communityOptions(): Promise<Field['options']> {
  const areas = await getJsonOnce<{ features: Array<{ properties: { level: string; code: string; name: string } }> }>(
    `/api/geo/areas?level=${encodeURIComponent('street,community,grid')}`);
  return areas.features.map((f) => f.properties).filter((p) => p.level === 'community')
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    .map((p) => ({ value: p.code, label: p.name }));
}
