import { z } from 'zod';
import { lazy } from './lazy';

/** The longest tag, in characters; the same limit holds in the store (migration 0008). */
export const TAG_MAX_LENGTH = 40;
/** How many tags one call may add or remove. */
export const TAGS_PER_CALL = 20;

export const TAG_RULE = `a tag is 1 to ${TAG_MAX_LENGTH} characters: letters, digits, spaces and - _ . : / & ' #, starting with a letter, digit or #`;

// Letters and digits of any script; a few separators people use in labels. No angle brackets,
// quotes that end attributes, commas (the CLI and filters split on them) or control characters.
const TAG = /^[\p{L}\p{N}#][\p{L}\p{N}\p{M} _\-.:/&'#]*$/u;

/** Trims and collapses inner spaces, so "  cold  war " and "cold war" are one tag. */
export const normalizeTag = (tag: string): string => tag.trim().replace(/\s+/g, ' ');

/** One tag, normalized, or a message saying what a tag may be. Built on first use, as every schema. */
export const SourceTag = lazy(() =>
  z
    .string()
    .transform(normalizeTag)
    .superRefine((tag, ctx) => {
      const shown = JSON.stringify(tag.length > 60 ? `${tag.slice(0, 60)}…` : tag);
      if (tag.length === 0) ctx.addIssue({ code: 'custom', message: `a tag cannot be empty (${TAG_RULE})` });
      else if (tag.length > TAG_MAX_LENGTH)
        ctx.addIssue({ code: 'custom', message: `the tag ${shown} is ${tag.length} characters long; ${TAG_RULE}` });
      else if (!TAG.test(tag)) ctx.addIssue({ code: 'custom', message: `the tag ${shown} is not allowed: ${TAG_RULE}` });
    }),
);

export const SourceTags = lazy(() =>
  z.array(SourceTag()).min(1, 'name at least one tag').max(TAGS_PER_CALL, `at most ${TAGS_PER_CALL} tags at once`),
);
