//! Fuzzy search over a model by Chinese text or pinyin (to be built: issue 4).
