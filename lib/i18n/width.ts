/** Terminal columns a string takes: East Asian wide and fullwidth characters take two. */

// Hangul Jamo, CJK punctuation to Yi (kana, ideographs), Hangul syllables, compatibility
// ideographs, vertical and small forms, fullwidth forms, and the supplementary ideographs.
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}
