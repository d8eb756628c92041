// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// "model" entities: what several equally good products share (see
// catalog_names.h).

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "chatcart/catalog.h"
#include "entities/catalog_names.h"
#include "text/tokenize.h"

namespace chatcart::entities {
namespace {

// Name matches looked at to count the products of a product line: the
// count is exact up to this many matches, a lower bound beyond.
constexpr int kModelMatches = 1000;
// Matches scoring within this of the best are tied; attribute designations
// are read from the first kTiedLooked of them.
constexpr double kTie = 0.05;
constexpr size_t kTiedLooked = 64;

// A model found for a run of words.
struct ModelMatch {
  std::string value;
  uint32_t products = 0;
  int said = 0;                // words of the shopper's it explains
  int unsaid = 0;              // words of the model the shopper did not say
  size_t first = 0, last = 0;  // token span [first, last)
  bool Beats(const ModelMatch& other) const {
    if (said != other.said) return said > other.said;
    if (unsaid != other.unsaid) return unsaid < other.unsaid;
    return products > other.products;
  }
};

// The tokens of a product name after its brand's, when it starts with them
// ("AMD Ryzen 7 7800X3D" -> "Ryzen 7 7800X3D").
size_t SkipBrand(const std::vector<text::Token>& name, const std::vector<text::Token>& brand) {
  if (brand.empty() || brand.size() >= name.size()) return 0;
  for (size_t i = 0; i < brand.size(); ++i) {
    if (name[i].text != brand[i].text) return 0;
  }
  return brand.size();
}

}  // namespace

void CatalogNames::IndexModelAttributes() {
  for (const AttributeInfo& info : catalog_.attributes()) {
    if (!info.searchable || info.type != AttributeType::kEnum) continue;
    ModelAttribute m;
    m.attribute = info.id;
    const std::span<const std::string> dictionary = catalog_.dictionary(info.id);
    m.words.resize(dictionary.size());
    m.products.assign(dictionary.size(), 0);
    bool any = false;
    for (size_t code = 0; code < dictionary.size(); ++code) {
      std::vector<text::Token> words = text::Tokenize(dictionary[code]);
      bool digit = false, letters = false;
      for (const text::Token& w : words) {
        digit = digit || HasDigit(w.text);
        letters = letters || (HasLetter(w.text) && !HasDigit(w.text));
      }
      if (!digit || !letters) continue;  // "science", "16": no designation
      for (text::Token& w : words) {
        model_words_.insert(w.text);
        m.words[code].push_back(std::move(w.text));
      }
      any = true;
    }
    if (!any) continue;
    catalog_.code_column(info.id).ForEach([&](ProductIndex, uint32_t code) {
      if (code < m.products.size()) ++m.products[code];
    });
    model_attributes_.push_back(std::move(m));
  }
}

bool CatalogNames::FindModel(const Scan& scan, size_t begin, size_t end, bool run_matched_nothing,
                             std::vector<Candidate>* candidates) const {
  const std::vector<text::Token>& tokens = scan.tokens;
  // The run without its category, colour and size words and spelled-out
  // numbers ("two photozen printers" -> "photozen"): they weigh on the score
  // of every name alike, and the model's words must be said anyway.
  std::string query;
  bool dropped = false;
  for (const Unit& u : scan.units) {
    if (u.first_token < begin || u.last_token > end) continue;
    if (u.number_words) {
      dropped = true;
      continue;
    }
    for (uint32_t k = u.first_token; k < u.last_token; ++k) {
      if (scan.generic[k]) {
        dropped = true;
        continue;
      }
      if (!query.empty()) query += ' ';
      query += tokens[k].text;
    }
  }
  // The same words, or only those names hold, matched nothing already.
  if (query.empty() || (run_matched_nothing && !dropped)) return false;
  std::vector<NameMatch> matches =
      catalog_.FindByName(query, FindOptions{.limit = kModelMatches, .min_score = min_score_});
  if (matches.size() < 2 && !run_matched_nothing) {
    // "the photozen models": only the words some name holds.
    const std::string known = KnownWords(scan, begin, end);
    if (!known.empty() && known != query) {
      matches =
          catalog_.FindByName(known, FindOptions{.limit = kModelMatches, .min_score = min_score_});
    }
  }
  if (matches.size() < 2) return false;
  size_t tied = 1;
  while (tied < matches.size() && tied < kTiedLooked &&
         matches[tied].score >= matches[0].score - kTie) {
    ++tied;
  }
  // Words of a catalog brand say no model by themselves: "noctua" stays the
  // brand, though Asus sells a "Noctua OC" line.
  std::vector<uint8_t> brand_word(end - begin, 0);
  for (const Unit& u : scan.units) {
    if (!u.Has(kBrand)) continue;
    for (uint32_t k = u.first_token; k < u.last_token; ++k) {
      if (k >= begin && k < end) brand_word[k - begin] = 1;
    }
  }
  std::optional<ModelMatch> found;
  auto consider = [&](ModelMatch m, const std::vector<uint8_t>& said) {
    m.first = end;
    m.last = begin;
    for (size_t k = begin; k < end; ++k) {
      if (!said[k - begin]) continue;
      ++m.said;
      m.first = std::min(m.first, k);
      m.last = k + 1;
    }
    if (m.said == 0) return;
    if (!found.has_value() || m.Beats(*found)) found = std::move(m);
  };
  // Marks in *out the shopper's words that match one of `words`; returns how
  // many of `words` none matches.
  std::vector<uint8_t> said(end - begin);
  auto say = [&](std::span<const std::string> words, std::vector<uint8_t>* out) {
    int unsaid = 0;
    for (const std::string& w : words) {
      bool hit = false;
      for (size_t k = begin; k < end; ++k) {
        if (!NameWordMatches(tokens[k].text, w)) continue;
        (*out)[k - begin] = 1;
        hit = true;
      }
      unsaid += hit ? 0 : 1;
    }
    return unsaid;
  };

  // A product line: the first words after the brand in the best match's
  // name, said from the first on, shared by other names of its brand.
  {
    const Product best = catalog_.product(matches[0].product);
    const std::vector<text::Token> name = text::Tokenize(best.name);
    const std::vector<text::Token> brand = text::Tokenize(best.brand);
    const size_t skip = SkipBrand(name, brand);
    std::vector<std::string> line;
    bool strong = false, lettered = false;
    std::fill(said.begin(), said.end(), 0);
    for (size_t i = skip; i < name.size(); ++i) {
      std::vector<uint8_t> hit(end - begin, 0);
      const std::string w[1] = {name[i].text};
      if (say(w, &hit) != 0) break;
      bool plain = false;  // said by a word that is no category, colour or size word
      for (size_t k = begin; k < end; ++k) {
        if (hit[k - begin] && !scan.generic[k] && !brand_word[k - begin]) plain = true;
        said[k - begin] |= hit[k - begin];
      }
      line.push_back(name[i].text);
      strong = strong || (plain && (HasDigit(w[0]) || Distinctive(w[0])));
      lettered = lettered || (plain && HasLetter(w[0]) && !HasDigit(w[0]));
    }
    if (!line.empty() && strong && lettered) {
      // The products of the brand whose names go on the same way.
      const uint32_t brand_code = catalog_.brand_code(best.index);
      absl::flat_hash_set<uint32_t> groups;
      uint32_t products = 0;
      std::vector<text::Token> other;
      for (const NameMatch& m : matches) {
        if (catalog_.brand_code(m.product) != brand_code) continue;
        const Product p = catalog_.product(m.product);
        text::Tokenize(p.name, {}, &other);
        const size_t at = SkipBrand(other, brand);
        if (other.size() < at + line.size()) continue;
        bool same = true;
        for (size_t i = 0; i < line.size() && same; ++i) same = other[at + i].text == line[i];
        if (!same) continue;
        ++products;
        groups.insert(p.variant_group);
      }
      if (groups.size() >= 2) {
        // The brand said with it stays a "brand" ("canora photozen").
        const size_t from = name[skip].begin, to = name[skip + line.size() - 1].end;
        consider(ModelMatch{.value = std::string(best.name.substr(from, to - from)),
                            .products = products},
                 said);
      }
    }
  }

  // A designation in an attribute of the tied products.
  absl::flat_hash_set<uint64_t> seen;
  for (size_t t = 0; t < tied; ++t) {
    for (size_t a = 0; a < model_attributes_.size(); ++a) {
      const ModelAttribute& m = model_attributes_[a];
      const std::optional<uint32_t> code =
          catalog_.code_column(m.attribute).Get(matches[t].product);
      if (!code.has_value() || *code >= m.words.size() || m.words[*code].empty()) continue;
      if (!seen.insert((uint64_t{a} << 32) | *code).second) continue;
      const std::vector<std::string>& words = m.words[*code];
      std::fill(said.begin(), said.end(), 0);
      int unsaid = 0;
      bool digits_said = true, letters_said = false;
      for (const std::string& w : words) {
        std::vector<uint8_t> hit(end - begin, 0);
        const bool missing = say(std::span<const std::string>(&w, 1), &hit) != 0;
        unsaid += missing ? 1 : 0;
        if (HasDigit(w)) {
          digits_said = digits_said && !missing;
        }
        // A word with letters: "rtx" of "rtx 4070", or "b650" itself.
        if (!missing && HasLetter(w)) {
          for (size_t k = begin; k < end; ++k) {
            if (hit[k - begin] && !scan.generic[k] && !brand_word[k - begin]) letters_said = true;
          }
        }
        for (size_t k = begin; k < end; ++k) said[k - begin] |= hit[k - begin];
      }
      if (!digits_said || !letters_said) continue;
      consider(ModelMatch{.value = catalog_.dictionary(m.attribute)[*code],
                          .products = m.products[*code],
                          .unsaid = unsaid},
               said);
    }
  }

  if (!found.has_value()) return false;
  for (const Candidate& c : *candidates) {
    if (c.type == EntityType::kModel && c.value == found->value) return false;
  }
  Candidate& c = candidates->emplace_back();
  c.type = EntityType::kModel;
  c.begin = static_cast<uint32_t>(tokens[found->first].begin);
  c.end = static_cast<uint32_t>(tokens[found->last - 1].end);
  c.value = std::move(found->value);
  c.number = found->products;
  c.confidence = std::min(0.9, matches[0].score);
  c.priority = kPriorityModel;
  AddQuantityBefore(scan, static_cast<uint32_t>(found->first), candidates);
  return true;
}

}  // namespace chatcart::entities
