// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Lexicon::Build: the terms of every product (words, joined neighbours,
// alphanumeric parts, aliases, searchable values, variant values), their
// postings and weights, and the indexes of one-letter deletions and sorted
// terms that the typo and prefix lookups read.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_split.h"
#include "catalog/catalog_rep.h"
#include "catalog/lexicon.h"
#include "catalog/lexicon_terms.h"
#include "catalog/units.h"
#include "common/strings.h"
#include "text/fold.h"
#include "text/tokenize.h"
#include "text/utf8.h"

namespace chatcart::catalog {
namespace {

using lexicon_terms::BitsOf;
using lexicon_terms::HashOf;
using lexicon_terms::kMaxFuzzyChars;
using lexicon_terms::kMinFuzzyChars;
using lexicon_terms::LettersOnly;
using lexicon_terms::SplitAlnum;

std::string FormatNumber(double v) {
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "%.10g", v);
  return std::string(buf, static_cast<size_t>(n));
}

// Collects one product's terms: words, joined neighbours ("990pro",
// "wifi"), alphanumeric parts ("rtx", "3060").
class TermCollector {
 public:
  explicit TermCollector(std::vector<std::string>* out) : out_(out) {}

  // Appends the terms of `original` to *out; with `token_of`, also each
  // term's token (its index in *tokens) when the term is a token's text, or
  // -1 when it derives from tokens.
  void AddText(std::string_view original, std::vector<text::Token>* tokens,
               std::vector<int>* token_of = nullptr) {
    text::Tokenize(original, {}, tokens);
    for (size_t k = 0; k < tokens->size(); ++k) {
      const text::Token& t = (*tokens)[k];
      out_->push_back(t.text);
      if (token_of != nullptr) token_of->push_back(static_cast<int>(k));
      if (t.kind == text::TokenKind::kAlnum) SplitAlnum(t.text, out_);
      if (k + 1 < tokens->size()) {
        const text::Token& u = (*tokens)[k + 1];
        const bool glued = u.begin > t.end && u.begin - t.end == 1 && original[t.end] != ' ';
        const bool digits = t.kind != text::TokenKind::kWord || u.kind != text::TokenKind::kWord;
        if (glued || digits) out_->push_back(t.text + u.text);
      }
      if (token_of != nullptr) token_of->resize(out_->size(), -1);
    }
  }

 private:
  std::vector<std::string>* out_;
};

}  // namespace

Lexicon Lexicon::Build(const Catalog::Rep& rep, const StringColumn& aliases) {
  Lexicon lex;
  lex.size_ = rep.size;
  lex.terms_ = std::make_unique<Interner>();

  // Pass 1: each product's distinct terms, in product order; name words are
  // remembered for the coverage weight.
  std::vector<uint32_t> pair_terms;          // term per (product, term)
  std::vector<uint32_t> product_offsets{0};  // into pair_terms
  std::vector<uint32_t> name_terms;          // distinct name words per product
  std::vector<uint32_t> name_offsets{0};
  std::vector<std::string> words;
  std::vector<text::Token> tokens;
  TermCollector collect(&words);
  std::vector<uint32_t> ids, variant_ids;
  std::vector<uint8_t> pair_class;  // 0: name, brand, model, alias; 1: variant value
  auto term_id = [&](const std::string& w) { return lex.terms_->Intern(w); };
  std::vector<AttributeId> searchable, axes;
  for (const AttributeStore& a : rep.attributes) {
    if (a.info.searchable && a.info.type != AttributeType::kNumber) searchable.push_back(a.info.id);
    if (a.info.variant_axis) axes.push_back(a.info.id);
  }
  // The terms of a text: its distinct words, then what derives from them
  // (joined neighbours, alphanumeric parts). Names, brands and attribute
  // values repeat across products (variants), so each distinct text is
  // tokenized once. Keys view strings the catalog owns.
  struct Range {
    uint32_t begin, mid, end;  // [begin, mid) words, [mid, end) derived
  };
  std::vector<uint32_t> memo_ids;
  std::vector<uint32_t> token_ids;
  std::vector<int> token_of;
  auto make_range = [&](std::string_view text) -> Range {
    words.clear();
    token_of.clear();
    collect.AddText(text, &tokens, &token_of);
    Range r;
    r.begin = static_cast<uint32_t>(memo_ids.size());
    token_ids.clear();
    for (const text::Token& t : tokens) token_ids.push_back(term_id(t.text));
    memo_ids.insert(memo_ids.end(), token_ids.begin(), token_ids.end());
    std::sort(memo_ids.begin() + r.begin, memo_ids.end());
    memo_ids.erase(std::unique(memo_ids.begin() + r.begin, memo_ids.end()), memo_ids.end());
    r.mid = static_cast<uint32_t>(memo_ids.size());
    // A token's text is already interned: only derived terms are looked up.
    for (size_t k = 0; k < words.size(); ++k) {
      memo_ids.push_back(token_of[k] >= 0 ? token_ids[static_cast<size_t>(token_of[k])]
                                          : term_id(words[k]));
    }
    r.end = static_cast<uint32_t>(memo_ids.size());
    return r;
  };
  // Names repeat across variants: memoized by their text. Brands and
  // attribute values are memoized by their code (no hashing of the text).
  absl::flat_hash_map<std::string_view, Range> memo;
  auto terms_of = [&](std::string_view text) -> Range {
    auto [it, inserted] = memo.try_emplace(text, Range{0, 0, 0});
    if (inserted) it->second = make_range(text);
    return it->second;
  };
  constexpr Range kNotYet{UINT32_MAX, 0, 0};
  auto terms_by_code = [&](std::vector<Range>& memo_by_code, size_t code,
                           std::string_view text) -> Range {
    if (memo_by_code[code].begin == kNotYet.begin) memo_by_code[code] = make_range(text);
    return memo_by_code[code];
  };
  std::vector<Range> brand_memo(rep.brands.size(), kNotYet);
  auto add_range = [&](Range r) {
    ids.insert(ids.end(), memo_ids.begin() + r.begin, memo_ids.begin() + r.end);
  };
  std::vector<std::vector<Range>> value_memo(searchable.size());
  for (size_t k = 0; k < searchable.size(); ++k) {
    value_memo[k].assign(rep.attributes[searchable[k]].dictionary.size(), kNotYet);
  }
  // By attribute and value; -0 is 0 (one entry per value that compares equal).
  absl::flat_hash_map<std::pair<AttributeId, uint64_t>, std::vector<uint32_t>> variant_memo;
  auto variant_key = [](AttributeId a, double v) {
    if (v == 0) v = 0;  // -0.0 -> 0.0
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    return std::make_pair(a, bits);
  };
  // Products come in order: walk sparse axis columns with a cursor each.
  std::vector<size_t> axis_cursor(axes.size(), 0);
  auto axis_value = [&](size_t k, ProductIndex i) -> std::optional<double> {
    const NumberColumn& c = rep.attributes[axes[k]].numbers;
    if (c.dense()) return c.present(i) ? std::optional<double>(c.values()[i]) : std::nullopt;
    std::span<const ProductIndex> rows = c.rows();
    size_t& cur = axis_cursor[k];
    while (cur < rows.size() && rows[cur] < i) ++cur;
    if (cur < rows.size() && rows[cur] == i) return c.values()[cur];
    return std::nullopt;
  };
  for (ProductIndex i = 0; i < rep.size; ++i) {
    ids.clear();
    const Range name = terms_of(rep.names.Get(i));
    name_terms.insert(name_terms.end(), memo_ids.begin() + name.begin, memo_ids.begin() + name.mid);
    name_offsets.push_back(static_cast<uint32_t>(name_terms.size()));
    add_range(name);
    if (rep.brand_of[i] != 0) {
      const uint32_t b = rep.brand_of[i] - 1;
      add_range(terms_by_code(brand_memo, b, rep.brands[b]));
    }
    for (size_t k = 0; k < searchable.size(); ++k) {
      const AttributeStore& s = rep.attributes[searchable[k]];
      if (s.info.type == AttributeType::kList) continue;
      if (std::optional<uint32_t> code = s.codes.Get(i)) {
        add_range(terms_by_code(value_memo[k], *code, s.dictionary[*code]));
      }
    }
    // Models and aliases are mostly unique: not memoized.
    words.clear();
    if (std::string_view model = rep.models.Get(i); !model.empty()) {
      collect.AddText(model, &tokens);
      std::string joined;
      for (const text::Token& t : tokens) joined += t.text;
      if (tokens.size() > 1) words.push_back(joined);
    }
    if (std::string_view a = aliases.Get(i); !a.empty()) {
      for (absl::string_view alias : absl::StrSplit(ToAbsl(a), '\x1f')) {
        collect.AddText(ToStd(alias), &tokens);
      }
    }
    for (const std::string& w : words) {
      if (!w.empty()) ids.push_back(term_id(w));
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    // Variant values ("2tb") weigh less than the words of the name.
    variant_ids.clear();
    for (size_t k = 0; k < axes.size(); ++k) {
      const AttributeId a = axes[k];
      const AttributeStore& s = rep.attributes[a];
      if (s.info.type != AttributeType::kNumber || s.info.unit.empty()) continue;
      std::optional<double> v = axis_value(k, i);
      if (!v) continue;
      auto [it, inserted] = variant_memo.try_emplace(variant_key(a, *v));
      if (inserted) {
        it->second.push_back(term_id(text::Fold(FormatNumber(*v) + s.info.unit)));
        if (std::optional<LargerUnit> larger = NextLargerUnit(s.info.unit);
            larger && *v >= larger->factor && std::fmod(*v, larger->factor / 4) == 0) {
          it->second.push_back(
              term_id(text::Fold(FormatNumber(*v / larger->factor) + larger->unit)));
        }
      }
      variant_ids.insert(variant_ids.end(), it->second.begin(), it->second.end());
    }
    pair_terms.insert(pair_terms.end(), ids.begin(), ids.end());
    pair_class.insert(pair_class.end(), ids.size(), 0);
    for (uint32_t t : variant_ids) {
      if (!std::binary_search(ids.begin(), ids.end(), t)) {
        pair_terms.push_back(t);
        pair_class.push_back(1);
      }
    }
    product_offsets.push_back(static_cast<uint32_t>(pair_terms.size()));
  }
  memo = {};
  std::vector<uint32_t>().swap(memo_ids);
  lex.terms_->ShrinkToFit();

  // Postings by counting sort: products come out ascending.
  const size_t n_terms = lex.terms_->size();
  lex.postings_.offsets.assign(n_terms + 1, 0);
  for (uint32_t t : pair_terms) ++lex.postings_.offsets[t + 1];
  for (size_t t = 0; t < n_terms; ++t) lex.postings_.offsets[t + 1] += lex.postings_.offsets[t];
  lex.postings_.products.resize(pair_terms.size());
  lex.secondary_.resize(pair_terms.size());
  {
    std::vector<uint32_t> fill(lex.postings_.offsets.begin(), lex.postings_.offsets.end() - 1);
    for (ProductIndex i = 0; i < rep.size; ++i) {
      for (uint32_t k = product_offsets[i]; k < product_offsets[i + 1]; ++k) {
        const uint32_t at = fill[pair_terms[k]]++;
        lex.postings_.products[at] = i;
        lex.secondary_[at] = pair_class[k];
      }
    }
  }
  std::vector<uint32_t>().swap(pair_terms);
  std::vector<uint8_t>().swap(pair_class);
  std::vector<uint32_t>().swap(product_offsets);

  const double n = static_cast<double>(std::max<size_t>(rep.size, 1));
  lex.idf_.resize(n_terms);
  for (size_t t = 0; t < n_terms; ++t) {
    const double df = static_cast<double>(lex.postings_.Get(t).size());
    lex.idf_[t] = static_cast<float>(std::log(1.0 + n / std::max(df, 1.0)));
  }
  lex.name_weight_.resize(rep.size);
  for (ProductIndex i = 0; i < rep.size; ++i) {
    float w = 0;
    for (uint32_t k = name_offsets[i]; k < name_offsets[i + 1]; ++k) w += lex.idf_[name_terms[k]];
    lex.name_weight_[i] = w;
  }

  // Typos: every one-letter deletion of each letters-only term of 4 to
  // kMaxFuzzyChars + 1 letters.
  std::u32string w, d;
  for (uint32_t t = 0; t < n_terms; ++t) {
    std::string_view term = lex.terms_->Get(t);
    if (term.size() < kMinFuzzyChars) continue;  // bytes >= code points
    w.clear();
    size_t pos = 0;
    while (pos < term.size()) w.push_back(text::DecodeUtf8(term, &pos));
    // A term longer than the longest fuzzy query word plus one letter is
    // never reached by a typo; its deletions (each as long as the term) would
    // cost the square of its length: one 160,000-letter name word took 14.8 s.
    if (w.size() < kMinFuzzyChars || w.size() > kMaxFuzzyChars + 1 || !LettersOnly(w)) continue;
    for (size_t k = 0; k < w.size(); ++k) {
      d.assign(w, 0, k);
      d.append(w, k + 1);
      lex.deletions_.push_back({HashOf(d), t});
    }
  }
  std::sort(lex.deletions_.begin(), lex.deletions_.end());
  lex.deletions_.erase(std::unique(lex.deletions_.begin(), lex.deletions_.end()),
                       lex.deletions_.end());
  lex.deletions_.shrink_to_fit();
  {
    std::vector<uint64_t> hashes;
    hashes.reserve(lex.deletions_.size());
    for (const auto& [h, t] : lex.deletions_) hashes.push_back(h);
    lex.deletion_bits_ = BitsOf(hashes);
    hashes.clear();
    for (uint32_t t = 0; t < n_terms; ++t) {
      std::string_view term = lex.terms_->Get(t);
      w.clear();
      size_t pos = 0;
      while (pos < term.size()) w.push_back(text::DecodeUtf8(term, &pos));
      hashes.push_back(HashOf(w));
    }
    lex.term_bits_ = BitsOf(hashes);
  }

  lex.sorted_terms_.resize(n_terms);
  {
    std::vector<std::pair<std::string_view, uint32_t>> by_text(n_terms);
    for (uint32_t t = 0; t < n_terms; ++t) by_text[t] = {lex.terms_->Get(t), t};
    std::sort(by_text.begin(), by_text.end());
    for (uint32_t t = 0; t < n_terms; ++t) lex.sorted_terms_[t] = by_text[t].second;
  }
  return lex;
}

size_t Lexicon::MemoryUsage() const {
  if (!terms_) return 0;
  return terms_->MemoryUsage() + postings_.MemoryUsage() + idf_.capacity() * sizeof(float) +
         name_weight_.capacity() * sizeof(float) + deletions_.capacity() * sizeof(deletions_[0]) +
         sorted_terms_.capacity() * sizeof(uint32_t) + secondary_.capacity();
}

}  // namespace chatcart::catalog
