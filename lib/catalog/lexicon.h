// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Lexicon: the catalog's lookup terms (product names, brands, model numbers,
// aliases, searchable attribute values, variant values such as "2tb") folded
// and tokenized by lib/text, the same normalizer the understanding component
// uses, with postings per term and indexes for typos and prefixes.
//
// Find() scores a product by the share of the query's weight it matches
// (terms weigh their inverse document frequency; a plural "+s" of a term
// counts as the term, a typo 0.8, a second typo 0.6, a completed prefix
// 0.75, a variant value such as "2tb" 0.5), times 0.8 + 0.2 x the share of
// the product's name the query covers. Products holding every matched query
// word are found first by intersecting postings from the rarest word; the
// full union is scored only when that cannot prove the top matches.
//
// Build() is in lexicon_build.cc, a query word's alternatives (typos,
// prefixes) in lexicon_typos.cc, Find() in lexicon.cc; lexicon_terms.h holds
// the word helpers they share.
//
// Immutable after Build(); Find() is thread-safe (per-thread scratch space).

#ifndef CHATCART_CATALOG_LEXICON_H_
#define CHATCART_CATALOG_LEXICON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/interner.h"
#include "catalog/string_column.h"
#include "chatcart/catalog.h"

namespace chatcart::catalog {

class Lexicon {
 public:
  Lexicon() = default;
  Lexicon(Lexicon&&) = default;
  Lexicon& operator=(Lexicon&&) = default;

  // Builds the lexicon of `rep`'s products; `aliases` holds each product's
  // aliases joined by '\x1f'.
  static Lexicon Build(const Catalog::Rep& rep, const StringColumn& aliases);

  // `group_of` (the catalog's variant group per product) is used when
  // options.one_per_variant_group is set.
  std::vector<NameMatch> Find(std::string_view text, const FindOptions& options,
                              std::span<const uint32_t> group_of) const;

  size_t terms() const { return terms_ ? terms_->size() : 0; }
  size_t MemoryUsage() const;

  // The term id of a folded term, or -1 (for tests).
  int64_t TermId(std::string_view folded) const;

 private:
  struct Alternative {
    uint32_t term;
    float weight;  // idf x quality
    float idf;
  };
  struct QueryWord {
    std::vector<Alternative> alternatives;  // by weight, descending
    float best = 0;                         // the word's full weight
    size_t postings = 0;                    // sum over alternatives
  };

  void Alternatives(std::string_view word, bool last, QueryWord* out) const;
  void Fuzzy(std::string_view word, QueryWord* out) const;
  void Prefix(std::string_view word, QueryWord* out) const;
  std::span<const ProductIndex> PostingsOf(uint32_t term) const { return postings_.Get(term); }
  // The weight factor of the k-th posting of `term` (1 for a name word, less
  // for a variant value).
  float Factor(uint32_t term, size_t k) const;

  size_t size_ = 0;  // products
  std::unique_ptr<Interner> terms_;
  Postings postings_;
  std::vector<uint8_t> secondary_;  // per posting: 0 name word, 1 variant value
  std::vector<float> idf_;
  std::vector<float> name_weight_;  // per product: sum of idf over its name's distinct words
  std::vector<std::pair<uint64_t, uint32_t>> deletions_;  // (hash of a 1-deletion, term)
  // Bit filters over the hashes of deletions_ and of every term (decoded):
  // most of a query word's deletions are neither, and a bit says so without
  // a binary search or an interner lookup. No false negatives.
  std::vector<uint64_t> deletion_bits_;
  std::vector<uint64_t> term_bits_;
  std::vector<uint32_t> sorted_terms_;                    // term ids by text
};

}  // namespace chatcart::catalog

#endif  // CHATCART_CATALOG_LEXICON_H_
