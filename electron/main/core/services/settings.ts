// Runs in Node (main and preview). The rep's settings: read them, and change them by patch — validated whole after
// merging, with hotkeys checked against the call apps' shortcuts and each other, so a bad value is refused with a
// plain message under its field and nothing is half-saved.
import type { Handlers, MethodInput } from '../../../../shared/contract';
import { Settings } from '../../../../shared/domain';
import { validateHotkeys } from '../../../../shared/rules/hotkeys';
import { withStageTemplate } from '../../../../shared/rules/stage-templates';
import { fieldMessages } from '../dispatch';
import { invalid } from '../errors';
import { effectiveHotkeys, hostPlatform } from '../hotkeys';
import type { ServiceContext } from './context';

/** A null in the patch removes the rep's override, so the default (today's, and any later one) applies again. */
const withoutNulls = (record: Record<string, string | null | undefined>) =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined));

function merged(current: Settings, patch: MethodInput<'updateSettings'>): unknown {
  const { prompts, nextStep, overlay, hotkeys, stageTemplates, ...plain } = patch;
  return {
    ...current,
    ...plain,
    prompts: { ...current.prompts, ...prompts },
    nextStep: { ...current.nextStep, ...nextStep },
    overlay: { ...current.overlay, ...overlay },
    hotkeys: withoutNulls({ ...current.hotkeys, ...hotkeys }),
    stageTemplates: Object.entries(stageTemplates ?? {}).reduce<Settings['stageTemplates']>(
      (templates, [stage, items]) => withStageTemplate(templates, stage, items),
      current.stageTemplates,
    ),
  };
}

export function settingsService(ctx: ServiceContext) {
  return {
    getSettings: async () => ctx.store.data.settings,

    updateSettings: (patch) =>
      ctx.mutate((doc) => {
        const parsed = Settings.safeParse(merged(doc.settings, patch));
        if (!parsed.success) throw invalid(fieldMessages(parsed.error));
        const clashes = validateHotkeys(effectiveHotkeys(parsed.data), hostPlatform);
        const asked = Object.keys(patch.hotkeys ?? {});
        const problems = Object.entries(clashes).filter(([action]) => asked.includes(action));
        if (problems.length) throw invalid(Object.fromEntries(problems.map(([action, list]) => [`hotkeys.${action}`, list!.join(' ')])));
        doc.settings = parsed.data;
        return parsed.data;
      }),
  } satisfies Pick<Handlers, 'getSettings' | 'updateSettings'>;
}
