// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Lexicon::Find: a query's words, each with its alternatives (lexicon_typos.cc),
// scored over the postings, the products holding every word first (the
// file comment of lexicon.h says how).

#include "catalog/lexicon.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/lexicon_terms.h"
#include "text/tokenize.h"

namespace chatcart::catalog {
namespace {

using lexicon_terms::SplitAlnum;

constexpr float kSecondary[2] = {1.0f, 0.5f};  // by posting class: name words, variant values
constexpr size_t kMaxAlternatives = 8;         // per query word, the best

struct Scratch {
  std::vector<uint32_t> query_stamp;  // == the query's number: product already scored
  uint32_t query_counter = 0;
  std::vector<text::Token> tokens;

  void Prepare(size_t n) {
    if (query_stamp.size() < n) query_stamp.resize(n, 0);
    if (query_counter == std::numeric_limits<uint32_t>::max()) {
      std::fill(query_stamp.begin(), query_stamp.end(), 0);
      query_counter = 0;
    }
  }
};

// The best `limit` matches, best first; with group_of, at most one per
// variant group (the best).
class TopMatches {
 public:
  TopMatches(size_t limit, std::span<const uint32_t> group_of)
      : limit_(limit), group_of_(group_of) {
    kept_.reserve(std::min<size_t>(limit, 1024) + 1);
  }
  static bool Better(const NameMatch& a, const NameMatch& b) {
    return a.score != b.score ? a.score > b.score : a.product < b.product;
  }
  bool full() const { return kept_.size() == limit_; }
  double worst() const { return kept_.back().score; }
  void Offer(const NameMatch& m) {
    if (!group_of_.empty()) {
      for (size_t k = 0; k < kept_.size(); ++k) {
        if (group_of_[kept_[k].product] != group_of_[m.product]) continue;
        if (!Better(m, kept_[k])) return;
        kept_.erase(kept_.begin() + static_cast<std::ptrdiff_t>(k));
        Insert(m);
        return;
      }
    }
    if (full()) {
      if (!Better(m, kept_.back())) return;
      kept_.pop_back();
    }
    Insert(m);
  }
  std::vector<NameMatch> Take() { return std::move(kept_); }

 private:
  void Insert(const NameMatch& m) {
    kept_.insert(std::upper_bound(kept_.begin(), kept_.end(), m, Better), m);
  }
  size_t limit_;
  std::span<const uint32_t> group_of_;
  std::vector<NameMatch> kept_;
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

}  // namespace

float Lexicon::Factor(uint32_t term, size_t k) const {
  return kSecondary[secondary_[postings_.offsets[term] + k]];
}

int64_t Lexicon::TermId(std::string_view folded) const {
  if (!terms_) return -1;
  std::optional<uint32_t> id = terms_->Find(folded);
  return id ? static_cast<int64_t>(*id) : -1;
}

std::vector<NameMatch> Lexicon::Find(std::string_view query, const FindOptions& options,
                                     std::span<const uint32_t> group_of) const {
  std::vector<NameMatch> result;
  if (!terms_ || size_ == 0 || options.limit <= 0) return result;
  Scratch& s = ThreadScratch();
  text::Tokenize(query, {}, &s.tokens);
  if (s.tokens.empty()) return result;
  const bool open_end = !query.empty() && query.back() != ' ';

  // The query's words and their alternatives. An alphanumeric word that is no
  // term is tried as its parts ("iphone5" -> "iphone", "5").
  std::vector<QueryWord> words;
  const float unmatched_weight =
      static_cast<float>(0.5 * std::log(1.0 + static_cast<double>(size_)));
  float total = 0;
  auto add_word = [&](std::string_view w, bool last) {
    QueryWord qw;
    Alternatives(w, last, &qw);
    std::sort(qw.alternatives.begin(), qw.alternatives.end(),
              [](const Alternative& a, const Alternative& b) { return a.weight > b.weight; });
    if (qw.alternatives.size() > kMaxAlternatives) qw.alternatives.resize(kMaxAlternatives);
    float best_idf = 0;
    for (const Alternative& a : qw.alternatives) best_idf = std::max(best_idf, a.idf);
    for (Alternative& a : qw.alternatives) {
      a.weight = std::min(a.weight, best_idf);
      qw.postings += PostingsOf(a.term).size();
    }
    qw.best = qw.alternatives.empty() ? 0 : qw.alternatives.front().weight;
    total += qw.alternatives.empty() ? unmatched_weight : best_idf;
    if (!qw.alternatives.empty()) words.push_back(std::move(qw));
  };
  for (size_t k = 0; k < s.tokens.size(); ++k) {
    const text::Token& t = s.tokens[k];
    const bool last = k + 1 == s.tokens.size() && open_end;
    if (t.kind == text::TokenKind::kAlnum && !terms_->Find(t.text)) {
      std::vector<std::string> parts;
      SplitAlnum(t.text, &parts);
      for (size_t p = 0; p < parts.size(); ++p) add_word(parts[p], last && p + 1 == parts.size());
    } else {
      add_word(t.text, last);
    }
  }
  if (words.empty() || total <= 0) return result;

  // MaxScore: words by weight, heaviest (rarest) first. A product first met in
  // word i's postings lacks words 0..i-1, so it scores at most the sum of the
  // weights from i on; once that falls below the threshold (min_score, then
  // the k-th best score so far) no unseen product can make the list.
  std::sort(words.begin(), words.end(), [](const QueryWord& a, const QueryWord& b) {
    return a.best != b.best ? a.best > b.best : a.postings < b.postings;
  });
  const size_t n_words = words.size();
  std::vector<float> rest(n_words + 1, 0);  // rest[i]: sum of best weights of words i..
  for (size_t i = n_words; i-- > 0;) rest[i] = rest[i + 1] + words[i].best;

  const size_t limit = static_cast<size_t>(options.limit);
  TopMatches top(limit, options.one_per_variant_group ? group_of : std::span<const uint32_t>());
  double threshold = options.min_score * static_cast<double>(total);  // in weight units

  s.Prepare(size_);
  const uint32_t seen = ++s.query_counter;
  // Cursors into every later word's alternatives, fresh for each alternative
  // scanned: an epoch marks which are current, so starting a scan costs
  // nothing (resetting them all was quadratic in the words of a long query).
  std::vector<size_t> cursors(n_words * kMaxAlternatives, 0);
  std::vector<uint32_t> cursor_epoch(n_words * kMaxAlternatives, 0);
  uint32_t epoch = 0;
  for (size_t i = 0; i < n_words; ++i) {
    if (static_cast<double>(rest[i]) < threshold) break;
    const QueryWord& qw = words[i];
    for (const Alternative& a : qw.alternatives) {
      std::span<const ProductIndex> postings = PostingsOf(a.term);
      const uint8_t* secondary = secondary_.data() + postings_.offsets[a.term];
      // Products arrive ascending: the cursors only move forward.
      ++epoch;
      // No product further down this list can beat a full list whose worst
      // match already scores what this word and the rest could give at best
      // (ties go to the lower product index, and the list ascends).
      const double best_possible = static_cast<double>((a.weight + rest[i + 1]) / total);
      for (size_t k = 0; k < postings.size(); ++k) {
        if (top.full() && top.worst() >= best_possible - 1e-6) break;
        const ProductIndex p = postings[k];
        if (s.query_stamp[p] == seen) continue;
        s.query_stamp[p] = seen;
        // p's weight for word i is its best alternative, which may come later
        // in this word's list (a secondary posting of a better one).
        float num = 0, matched = 0;
        for (const Alternative& b : qw.alternatives) {
          std::span<const ProductIndex> pb = PostingsOf(b.term);
          const float f = &b == &a ? kSecondary[secondary[k]] : 0;
          if (&b == &a) {
            if (b.weight * f > num) {
              num = b.weight * f;
              matched = b.idf * f;
            }
            continue;
          }
          auto it = std::lower_bound(pb.begin(), pb.end(), p);
          if (it == pb.end() || *it != p) continue;
          const float g = Factor(b.term, static_cast<size_t>(it - pb.begin()));
          if (b.weight * g > num) {
            num = b.weight * g;
            matched = b.idf * g;
          }
        }
        if (static_cast<double>(num + rest[i + 1]) < threshold) continue;
        for (size_t j = i + 1; j < n_words; ++j) {
          float best = 0, best_idf = 0;
          for (size_t b = 0; b < words[j].alternatives.size(); ++b) {
            const Alternative& alt = words[j].alternatives[b];
            std::span<const ProductIndex> pj = PostingsOf(alt.term);
            const size_t c = j * kMaxAlternatives + b;
            if (cursor_epoch[c] != epoch) {
              cursor_epoch[c] = epoch;
              cursors[c] = 0;
            }
            size_t& cur = cursors[c];
            cur = catalog::Gallop(pj, cur, p);
            if (cur == pj.size() || pj[cur] != p) continue;
            const float g = Factor(alt.term, cur);
            if (alt.weight * g > best) {
              best = alt.weight * g;
              best_idf = alt.idf * g;
            }
          }
          num += best;
          matched += best_idf;
          if (static_cast<double>(num + rest[j + 1]) < threshold) break;  // cannot make it
        }
        if (static_cast<double>(num) < threshold) continue;
        const float coverage =
            name_weight_[p] > 0 ? std::min(1.0f, matched / name_weight_[p]) : 1.0f;
        const NameMatch m{p, static_cast<double>(num / total * (0.8f + 0.2f * coverage))};
        if (m.score < options.min_score) continue;
        top.Offer(m);
        if (top.full()) threshold = std::max(threshold, top.worst() * static_cast<double>(total));
      }
    }
  }
  return top.Take();
}

}  // namespace chatcart::catalog
