import type { ListChoice, ListName } from '../../../shared/settings';
import { useSettings } from './settings';

export interface ListDefaults<S extends string> {
  sorts: readonly S[];
  sort: S;
  /** Columns that read best largest (or latest) first when first chosen. */
  descendingFirst: readonly S[];
}

export interface ListState<S extends string> extends Omit<ListChoice, 'sort'> {
  sort: S;
}

/**
 * A list's sort and filter, kept in the notebook's settings like the other view choices, so a
 * reload, a relaunch or a visit to another view finds the list as it was left.
 */
export function useListChoice<S extends string>(
  name: ListName,
  defaults: ListDefaults<S>,
): [ListState<S>, (change: Partial<ListState<S>>) => void, (sort: S) => void] {
  const { settings, update } = useSettings();
  const saved = settings.lists[name];
  const sort = saved && (defaults.sorts as readonly string[]).includes(saved.sort) ? (saved.sort as S) : defaults.sort;
  const state: ListState<S> = {
    sort,
    descending: saved && saved.sort === sort ? saved.descending : defaults.descendingFirst.includes(sort),
    filter: saved?.filter ?? '',
    only: saved?.only ?? '',
  };
  const set = (change: Partial<ListState<S>>) => update({ lists: { ...settings.lists, [name]: { ...state, ...change } } });
  /** A column heading: the sorted column turns round, another starts in its natural direction. */
  const sortBy = (next: S) =>
    set(next === state.sort ? { descending: !state.descending } : { sort: next, descending: defaults.descendingFirst.includes(next) });
  return [state, set, sortBy];
}
