// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "intent/entity_lexicon.h"

#include <algorithm>

#include "text/fold.h"
#include "text/stem.h"
#include "text/tokenize.h"

namespace chatcart::intent {
namespace {

constexpr size_t kFuzzyMinBytes = 5;

// The key prefixes keep the three kinds of key apart.
std::string ExactKey(std::string_view w) { return "=" + std::string(w); }
std::string StemKey(std::string_view w, text::Language l) {
  return std::string(1, static_cast<char>('0' + static_cast<int>(l))) + std::string(w);
}
std::string DeletionKey(std::string_view w) { return "~" + std::string(w); }

// `w` and its one-byte deletions (ASCII words only: a deletion inside a
// multi-byte character is no spelling mistake).
std::vector<std::string> Deletions(std::string_view w) {
  std::vector<std::string> out;
  for (size_t i = 0; i < w.size(); ++i) {
    std::string d(w);
    d.erase(i, 1);
    out.push_back(std::move(d));
  }
  return out;
}

bool IsAsciiWord(std::string_view w) {
  for (char c : w) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) {
    // Substitution, or a swap of two adjacent letters.
    if (a.substr(i + 1) == b.substr(i + 1)) return true;
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);
  }
  return a.substr(i) == b.substr(i + 1);  // one insertion into a
}

void Lexicon::Add(std::string_view phrase, int entry, uint8_t languages) {
  Phrase p;
  p.entry = entry;
  p.languages = languages;
  for (const text::Token& t : text::Tokenize(phrase)) {
    p.bare.push_back(text::Fold(t.text, {.strip_accents = true}));
  }
  if (p.bare.empty()) return;
  for (text::Language l : text::kAllLanguages) {
    text::Stemmer stemmer(l);
    for (const std::string& w : p.bare) p.stems[static_cast<int>(l)].emplace_back(stemmer.Stem(w));
  }
  entries_.push_back(std::move(p));
}

void Lexicon::Build(bool fuzzy) {
  fuzzy_ = fuzzy;
  index_.clear();
  for (int e = 0; e < static_cast<int>(entries_.size()); ++e) {
    const Phrase& p = entries_[e];
    std::vector<std::string> keys = {ExactKey(p.bare[0])};
    for (text::Language l : text::kAllLanguages) {
      keys.push_back(StemKey(p.stems[static_cast<int>(l)][0], l));
    }
    if (fuzzy && p.bare[0].size() >= kFuzzyMinBytes && IsAsciiWord(p.bare[0])) {
      keys.push_back(DeletionKey(p.bare[0]));
      for (const std::string& d : Deletions(p.bare[0])) keys.push_back(DeletionKey(d));
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const std::string& k : keys) index_[k].push_back(e);
  }
}

int Lexicon::WordMatch(const LexWord& word, const Phrase& phrase, size_t k,
                       text::Language language) const {
  if (word.bare == phrase.bare[k]) return 3;
  if (word.stem == phrase.stems[static_cast<int>(language)][k]) return 2;
  if (fuzzy_ && word.bare.size() >= kFuzzyMinBytes && phrase.bare[k].size() >= kFuzzyMinBytes &&
      WithinOneEdit(word.bare, phrase.bare[k])) {
    return 1;
  }
  return 0;
}

std::optional<LexMatch> Lexicon::MatchAt(const std::vector<LexWord>& words, size_t i,
                                         text::Language language) const {
  if (entries_.empty() || i >= words.size() || !words[i].usable) return std::nullopt;
  const LexWord& first = words[i];
  thread_local std::vector<int> candidates;
  candidates.clear();
  auto collect = [&](const std::string& key) {
    auto it = index_.find(key);
    if (it != index_.end())
      candidates.insert(candidates.end(), it->second.begin(), it->second.end());
  };
  collect(ExactKey(first.bare));
  collect(StemKey(first.stem, language));
  if (fuzzy_ && first.bare.size() >= kFuzzyMinBytes && IsAsciiWord(first.bare)) {
    collect(DeletionKey(first.bare));
    for (const std::string& d : Deletions(first.bare)) collect(DeletionKey(d));
  }
  if (candidates.empty()) return std::nullopt;
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  std::optional<LexMatch> best;
  for (int e : candidates) {
    const Phrase& p = entries_[e];
    if (!((p.languages >> static_cast<int>(language)) & 1)) continue;
    if (i + p.bare.size() > words.size()) continue;
    int weakest = 3;
    for (size_t k = 0; k < p.bare.size() && weakest > 0; ++k) {
      if (!words[i + k].usable) {
        weakest = 0;
        break;
      }
      weakest = std::min(weakest, WordMatch(words[i + k], p, k, language));
    }
    if (weakest == 0) continue;
    const double confidence = weakest == 3 ? 0.95 : weakest == 2 ? 0.9 : 0.75;
    if (!best.has_value() || p.bare.size() > best->length ||
        (p.bare.size() == best->length && confidence > best->confidence)) {
      best = LexMatch{p.entry, p.bare.size(), confidence};
    }
  }
  return best;
}

}  // namespace chatcart::intent
