// Placeholder until the engine lands; replaced by the engine work (issue 3).
export {};
