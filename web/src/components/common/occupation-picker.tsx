import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { Combobox, type ComboOption } from './combobox';
import { useDebounced } from './use-debounced';

export interface OccupationPickerProps {
  label: string;
  value: string | null;
  onChange: (code: string | null, name: string | null) => void;
  /** offered first when the search box is empty (e.g. a chain's shortage occupations) */
  suggestions?: { code: string; name: string }[];
  suggestionsTitle?: string;
  placeholder?: string;
  testId?: string;
}

/** Search occupations by name, 大典 code or alias (GET /api/occupations?q=). */
export function OccupationPicker({ label, value, onChange, suggestions, suggestionsTitle, placeholder, testId }: OccupationPickerProps) {
  const [query, setQuery] = useState('');
  const [opened, setOpened] = useState(false);
  const q = useDebounced(query.trim(), 180);
  const search = useQuery({
    queryKey: ['occupations', q],
    queryFn: ({ signal }) => api.occupations(q || null, 20, signal),
    staleTime: 5 * 60_000,
    // the first page of all occupations only once someone opens the box
    enabled: q !== '' || opened,
  });
  // The chosen occupation's name, even when it is not in the current search results (a shared link).
  const chosen = useQuery({
    queryKey: ['occupation', value],
    queryFn: ({ signal }) => api.occupations(value, 1, signal),
    enabled: value !== null,
    staleTime: Infinity,
  });
  const chosenName = value ? (chosen.data?.items.find((o) => o.code === value)?.name ?? value) : null;

  const options: ComboOption[] = [];
  if (!q && suggestions?.length) {
    for (const s of suggestions) options.push({ value: s.code, label: s.name, hint: s.code, group: suggestionsTitle });
  }
  for (const o of search.data?.items ?? []) {
    if (options.some((x) => x.value === o.code)) continue;
    const alias = q && !o.name.includes(q) ? o.aliases.find((a) => a.includes(q)) : undefined;
    options.push({
      value: o.code,
      label: o.name,
      // The 小类 tells apart same-sounding occupations of different trades.
      hint: `${o.code} · ${alias ? `又称 ${alias}` : o.minorGroup.name}`,
      group: !q && suggestions?.length ? '全部职业' : undefined,
    });
  }
  return (
    <Combobox
      label={label}
      selectedLabel={chosenName ? `${chosenName}（${value}）` : null}
      placeholder={placeholder ?? '名称、大典编码或别名'}
      query={query}
      onQueryChange={setQuery}
      onOpen={() => setOpened(true)}
      options={options}
      loading={search.isFetching}
      onSelect={(o) => onChange(o.value, o.label)}
      onClear={() => onChange(null, null)}
      testId={testId}
    />
  );
}
