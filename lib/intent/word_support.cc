// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "intent/word_support.h"

#include <algorithm>

#include "text/stem.h"

namespace chatcart::intent {
namespace {

// Whether `a` becomes `b` by one insertion, deletion, substitution or swap
// of neighbours (bytes: folded words are mostly ASCII).
bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;  // equal, or one letter more at the end
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // substitution
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);  // swap
  }
  return a.substr(i) == b.substr(i + 1);  // insertion
}

constexpr size_t kFuzzyMinLength = 5;
// A stem speaks for an intent when at least 1 / this of its uses are the
// intent's.
constexpr int kDistinctiveShareInverse = 4;

}  // namespace

void WordSupport::Add(text::Language language, std::string_view text, int32_t label) {
  PerLanguage& per = languages_[static_cast<int>(language)];
  text::Stemmer& stemmer = text::ThreadLocalStemmer(language);
  for (const text::Token& token : text::Tokenize(text)) {
    if (token.kind != text::TokenKind::kWord && token.kind != text::TokenKind::kAlnum) continue;
    std::vector<std::pair<int32_t, int>>& counts =
        per.counts_of_stem[std::string(stemmer.Stem(token.text))];
    auto it = std::find_if(counts.begin(), counts.end(),
                           [label](const auto& c) { return c.first == label; });
    if (it == counts.end()) {
      counts.emplace_back(label, 1);
    } else {
      ++it->second;
    }
  }
}

void WordSupport::Finish(int32_t labels) {
  for (PerLanguage& per : languages_) {
    per.stems_of_label.assign(static_cast<size_t>(labels), {});
    for (const auto& [stem, counts] : per.counts_of_stem) {
      if (counts.size() * 2 > static_cast<size_t>(labels)) continue;  // a word of every kind
      int total = 0;
      for (const auto& [label, count] : counts) total += count;
      for (const auto& [label, count] : counts) {
        if (count * kDistinctiveShareInverse < total) continue;
        per.stems_of_label[static_cast<size_t>(label)].push_back(stem);
      }
    }
    for (std::vector<std::string>& stems : per.stems_of_label)
      std::sort(stems.begin(), stems.end());
    per.counts_of_stem.clear();
  }
}

bool WordSupport::Supports(text::Language language, const std::vector<text::Token>& tokens,
                           int32_t label) const {
  return !Supporting(language, tokens, label).empty();
}

std::vector<std::string> WordSupport::Supporting(text::Language language,
                                                 const std::vector<text::Token>& tokens,
                                                 int32_t label) const {
  std::vector<std::string> out;
  const PerLanguage& per = languages_[static_cast<int>(language)];
  if (label < 0 || static_cast<size_t>(label) >= per.stems_of_label.size()) return out;
  const std::vector<std::string>& stems = per.stems_of_label[static_cast<size_t>(label)];
  if (stems.empty()) return out;
  text::Stemmer& stemmer = text::ThreadLocalStemmer(language);
  for (const text::Token& token : tokens) {
    if (token.kind != text::TokenKind::kWord && token.kind != text::TokenKind::kAlnum) continue;
    const std::string_view stem = stemmer.Stem(token.text);
    bool found = std::binary_search(stems.begin(), stems.end(), stem);
    for (size_t k = 0; !found && stem.size() >= kFuzzyMinLength && k < stems.size(); ++k) {
      found = stems[k].size() >= kFuzzyMinLength && WithinOneEdit(stem, stems[k]);
    }
    if (found) out.push_back(token.text);
  }
  return out;
}

}  // namespace chatcart::intent
