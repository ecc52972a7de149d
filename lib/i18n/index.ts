export { catalogues, LANGS, type Lang } from './catalogues';
export { findingMessage } from './finding';
export { isLang, langFromEnv, langFromTag } from './locale';
export { ref, type MessageParam, type MessageParams, type MessageRef } from './params';
export { render, translator, type Translate } from './render';
