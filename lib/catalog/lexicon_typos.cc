// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The alternatives of one query word (Lexicon::Alternatives): the word itself
// or its singular, else the terms one or two edits away (Fuzzy, over the
// deletion index) and, for the last word, the terms it begins (Prefix).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/lexicon.h"
#include "catalog/lexicon_terms.h"
#include "text/utf8.h"

namespace chatcart::catalog {
namespace {

using lexicon_terms::Decode;
using lexicon_terms::HashOf;
using lexicon_terms::kMaxFuzzyChars;
using lexicon_terms::kMinFuzzyChars;
using lexicon_terms::LettersOnly;
using lexicon_terms::MayHold;

constexpr float kTypo1 = 0.8f;    // one edit
constexpr float kTypo2 = 0.6f;    // two edits
constexpr float kPrefix = 0.75f;  // the last word completed
constexpr size_t kMinTwoEditChars = 8;
constexpr size_t kMaxPrefixExpansions = 8;
constexpr size_t kPrefixScan = 256;

// Optimal string alignment distance (Damerau-Levenshtein without repeated
// edits of one substring), stopping early above `max`.
int Osa(std::u32string_view a, std::u32string_view b, int max) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > max) return max + 1;
  // Three rows; on the stack for the words of a catalog (this runs for every
  // fuzzy candidate of every query word).
  constexpr int kStackColumns = 64;
  int stack[3 * (kStackColumns + 1)];
  std::vector<int> heap;
  int* rows = stack;
  if (m > kStackColumns) {
    heap.resize(3 * static_cast<size_t>(m + 1));
    rows = heap.data();
  }
  int* prev2 = rows;
  int* prev = rows + (m + 1);
  int* cur = rows + 2 * (m + 1);
  for (int j = 0; j <= m; ++j) prev2[j] = 0;
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > max) return max + 1;
    int* oldest = prev2;
    prev2 = prev;
    prev = cur;
    cur = oldest;
  }
  return prev[m];
}

}  // namespace

void Lexicon::Fuzzy(std::string_view word, QueryWord* out) const {
  std::u32string q = Decode(word);
  if (q.size() < kMinFuzzyChars || q.size() > kMaxFuzzyChars || !LettersOnly(q)) return;
  std::vector<uint32_t> candidates;
  std::string encoded;  // reused: a query word has up to ~800 deletions
  // The terms `key` is (when `term`) and those it is a deletion of.
  auto look_up = [&](std::u32string_view key, bool term) {
    const uint64_t h = HashOf(key);
    if (term && MayHold(term_bits_, h)) {
      encoded.clear();
      for (char32_t c : key) {
        if (c < 0x80) {
          encoded.push_back(static_cast<char>(c));
        } else {
          text::AppendUtf8(c, &encoded);
        }
      }
      if (std::optional<uint32_t> id = terms_->Find(encoded)) candidates.push_back(*id);
    }
    if (!MayHold(deletion_bits_, h)) return;
    auto it =
        std::lower_bound(deletions_.begin(), deletions_.end(), std::make_pair(h, uint32_t{0}));
    for (; it != deletions_.end() && it->first == h; ++it) candidates.push_back(it->second);
  };
  look_up(q, /*term=*/false);  // the term has one more letter
  std::u32string d, d2;
  for (size_t k = 0; k < q.size(); ++k) {
    d.assign(q, 0, k);
    d.append(q, k + 1);
    // The query has one more letter (a term); one substitution or
    // transposition (a deletion).
    look_up(d, /*term=*/true);
    if (q.size() >= kMinTwoEditChars) {
      for (size_t j = k; j < d.size(); ++j) {
        d2.assign(d, 0, j);
        d2.append(d, j + 1);
        look_up(d2, /*term=*/true);
      }
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  const int max = q.size() >= kMinTwoEditChars ? 2 : 1;
  std::u32string term;
  for (uint32_t t : candidates) {
    term.clear();
    const std::string_view text = terms_->Get(t);
    for (size_t pos = 0; pos < text.size();) term.push_back(text::DecodeUtf8(text, &pos));
    int dist = Osa(q, term, max);
    if (dist == 0 || dist > max) continue;
    const float quality = dist == 1 ? kTypo1 : kTypo2;
    out->alternatives.push_back({t, quality * idf_[t], idf_[t]});
  }
}

void Lexicon::Prefix(std::string_view word, QueryWord* out) const {
  auto it = std::lower_bound(sorted_terms_.begin(), sorted_terms_.end(), word,
                             [&](uint32_t t, std::string_view w) { return terms_->Get(t) < w; });
  std::vector<uint32_t> found;
  for (size_t scanned = 0; it != sorted_terms_.end() && scanned < kPrefixScan; ++it, ++scanned) {
    std::string_view term = terms_->Get(*it);
    if (!term.starts_with(word)) break;
    if (term.size() > word.size()) found.push_back(*it);
  }
  // The most common completions first: the likeliest words.
  std::sort(found.begin(), found.end(), [&](uint32_t a, uint32_t b) { return idf_[a] < idf_[b]; });
  if (found.size() > kMaxPrefixExpansions) found.resize(kMaxPrefixExpansions);
  for (uint32_t t : found) out->alternatives.push_back({t, kPrefix * idf_[t], idf_[t]});
}

void Lexicon::Alternatives(std::string_view word, bool last, QueryWord* out) const {
  if (std::optional<uint32_t> id = terms_->Find(word)) {
    out->alternatives.push_back({*id, idf_[*id], idf_[*id]});
    return;
  }
  // The plural of a term ("chargers" for "Charger") is the term, not a
  // typo of it. (Not the other way: "filtre" is no "Filtres papier".)
  if (word.size() >= 4 && word.back() == 's') {
    if (std::optional<uint32_t> id = terms_->Find(word.substr(0, word.size() - 1))) {
      out->alternatives.push_back({*id, idf_[*id], idf_[*id]});
      return;
    }
  }
  Fuzzy(word, out);
  if (last && word.size() >= 2) Prefix(word, out);
}

}  // namespace chatcart::catalog
