import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClassifyResponse, Occupation } from '@talentmap/core';
import { api } from '../../lib/api';
import type { UpdateState } from '../../lib/use-url-state';

/** An advert's skills are topped up from the occupation's profile to this many chips. */
const PROFILE_FILL_TO = 6;

/** The profile skills that carry most weight, for filling chips from an occupation. */
const profileSkills = (o: Occupation | undefined, min = 0.5) => (o?.skills ?? []).filter((s) => s.weight >= min).map((s) => s.name);

/**
 * The vacancy's occupation and skill chips, from an advert (classified: the skills found in the
 * text, topped up from the occupation's profile) or from a chosen occupation, with where each
 * chip came from (`origin`).
 */
export function useVacancySkills(update: UpdateState) {
  const queryClient = useQueryClient();
  const [origin, setOrigin] = useState<Record<string, string>>({});

  const occupationOf = (code: string) =>
    queryClient
      .fetchQuery({ queryKey: ['occupation', code], queryFn: ({ signal }) => api.occupations(code, 1, signal), staleTime: Infinity })
      .then((r) => r.items.find((o) => o.code === code));

  const classify = useMutation({
    mutationFn: (t: string) => api.classify(t),
    onSuccess: async (result: ClassifyResponse) => {
      // With no confident match the list is a suggestion: nothing is chosen for the user.
      const top = result.level === 'none' ? undefined : result.results[0];
      const fromText = result.recognizedSkills.map((s) => s.name);
      const fill = top ? profileSkills(await occupationOf(top.code), 0.6).filter((s) => !fromText.includes(s)) : [];
      const skills = [...fromText, ...fill.slice(0, Math.max(0, PROFILE_FILL_TO - fromText.length))];
      setOrigin(Object.fromEntries(skills.map((s) => [s, fromText.includes(s) ? '文本' : '职业标准'])));
      update({ vacancyOccupation: top?.code ?? null, skills });
    },
  });

  const chooseOccupation = async (code: string | null) => {
    if (!code) {
      update({ vacancyOccupation: null, skills: [] });
      return;
    }
    const skills = profileSkills(await occupationOf(code)).slice(0, 10);
    setOrigin(Object.fromEntries(skills.map((s) => [s, '职业标准'])));
    update({ vacancyOccupation: code, skills });
  };

  return { origin, classify, chooseOccupation };
}
