// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// What shoppers' words mean in a catalog's terms, in en/it/fr: "battery",
// "autonomie", "batteria" name the battery attribute; "per photo" the cost
// per print; "lego" the brand Brickville's products carry or an interest;
// "più leggera" the named preference `light`. Words are matched against the
// mapping's attribute names, labels (every language) and value labels, and
// a small built-in table of synonyms; accents and case are ignored, and a
// word matches another that it begins ("batteria" ~ "battery" by their
// common stem).
//
// Pure functions of the catalog; thread-safe. What they read of the catalog's
// attributes again and again (every label's plain words) is computed once per
// catalog, at engine load, in a CatalogWords.

#ifndef CHATCART_ENGINE_PRODUCT_WORDS_H_
#define CHATCART_ENGINE_PRODUCT_WORDS_H_

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "chatcart/catalog.h"

namespace chatcart::engine {

// What a question asks about a product.
struct Asked {
  enum Kind { kAttribute, kPrice, kStock, kRating, kVariants };
  Kind kind = kAttribute;
  AttributeId attribute = 0;  // kAttribute, kVariants (the axis)
  friend bool operator==(const Asked&, const Asked&) = default;
};

// Whether the plain word is an article, pronoun, preposition, conjunction,
// auxiliary or question word of en/it/fr ("the", "with", "does", "questo",
// "avec"): a word that says nothing about a product. The one list both
// references (a name the shopper points at) and questions (what a question
// asks of a description) skip.
bool IsFunctionWord(std::string_view word);

// Folded, accents stripped, ASCII letters and digits only ("Coût" -> "cout").
std::string PlainWord(std::string_view word);

// Whether two plain words are the same word for our purposes: equal, one the
// other's start (4+ letters), or a common start of 5+ letters covering most
// of the shorter ("batteria" ~ "battery", "autonomia" ~ "autonomie").
bool SameWord(std::string_view a, std::string_view b);
// The key of plain word `w` for looking up words it may be SameWord with:
// its first four letters, all of it when shorter.
inline std::string_view NameKey(std::string_view w) {
  return w.substr(0, std::min<size_t>(4, w.size()));
}

// A catalog with the plain words of its attributes' names and labels (every
// language), computed once when the engine loads. Immutable; thread-safe.
class CatalogWords {
 public:
  explicit CatalogWords(std::shared_ptr<const Catalog> catalog);

  const Catalog& catalog() const { return *catalog_; }
  // Whether `word` (plain) names attribute `id` by a word of its name, label
  // or a label in any language (SameWord); words under 3 letters name none.
  bool NamesAttribute(AttributeId id, std::string_view word) const;
  // Whether attribute `id` is a size ("size", "taglia", "taille", "misura",
  // "numero", "pointure" as its name or a label).
  bool NamesSize(AttributeId id) const { return attributes_[id].size; }
  // The plain words of product i's name, then of its brand (PlainWordsOf),
  // viewing this object's memory.
  std::vector<std::string_view> NameWords(ProductIndex i) const;

  // One value of an ENUM or LIST attribute (not a size) and its names for
  // people: the value and each value label as plain words (PlainWordsOf).
  struct ValueNames {
    AttributeId attribute = 0;
    std::string value;
    std::vector<std::vector<std::string>> names;
  };
  // Every such value, in the order of the attributes and their dictionaries.
  const std::vector<ValueNames>& value_names() const { return value_names_; }
  // The indices into value_names(), ascending, of the values one of whose
  // names begins with a word of key `key` (NameKey): the only values a word
  // of that key can name (SameWord needs the first four letters alike).
  std::span<const uint32_t> ValuesKeyed(std::string_view key) const;
  // The names of BOOL attribute `id` (its name, label and labels as plain
  // words); empty for other types.
  const std::vector<std::vector<std::string>>& YesNoNames(AttributeId id) const {
    return attributes_[id].yes_no_names;
  }

 private:
  struct Words {
    std::vector<std::string> plain;  // of the name, the label, the labels
    bool size = false;
    std::vector<std::vector<std::string>> yes_no_names;  // BOOL only
  };
  std::vector<ValueNames> value_names_;
  absl::flat_hash_map<std::string, std::vector<uint32_t>> values_by_key_;
  std::shared_ptr<const Catalog> catalog_;
  std::vector<Words> attributes_;  // by AttributeId
  // Every product's NameWords, each followed by a space (plain words have
  // none); product i's are [name_starts_[i], name_starts_[i + 1]).
  std::string name_words_;
  std::vector<uint32_t> name_starts_;
};

// The plain words of `text` split at spaces, '-', ',', '/' and parentheses,
// empty ones left out ("PhotoZen 6 (Wi-Fi)" -> "photozen", "6", "wi", "fi").
std::vector<std::string> PlainWordsOf(std::string_view text);

// The plain words of `words` (a turn's folded words) and, after them, the
// measures they write apart or in other units joined as catalogs write
// them: "250 gr" -> "250g", "2kilos" -> "2kg", "a kilo", "un chilo" -> "1kg".
std::vector<std::string> WordsForValues(const std::vector<std::string>& words);

// Whether `info` is a size attribute (see CatalogWords::NamesSize), computed
// from its labels; CatalogWords remembers it per attribute.
bool NamesSize(const AttributeInfo& info);

// What `words` (the turn's folded words) ask about, in the order said; empty
// when nothing the catalog holds is named.
std::vector<Asked> AskedAbout(const CatalogWords& catalog, const std::vector<std::string>& words);

// Whether `words` name a direction that makes "which is ..." a minimum
// ("cheapest", "lightest", "meno", "moins"); otherwise a maximum.
bool AsksForLeast(const std::vector<std::string>& words);

// The recommender critique for "more/less `arg`": a named preference the
// catalog has an attribute for ("light", "bigger_screen"), or
// "more:<attribute>"/"less:<attribute>" for an attribute word; nullopt when
// the catalog has nothing it could mean.
std::optional<std::string> CritiqueFor(const CatalogWords& catalog, std::string_view arg,
                                       bool more);

// The hard constraint that leaves out what `words` name ("lego" ->
// "brand!=Brickville" when a shown product of that brand is called so, else
// a brand, an attribute value or a category of the catalog); nullopt when
// the words name nothing.
std::optional<std::string> ExclusionFor(const Catalog& catalog, std::string_view words,
                                        const std::vector<std::string>& shown);

// A size said with a shoe system ("US 10", "UK 8") in the catalog's system
// when its size attribute has unit "EU"; the value otherwise ("EU 42" ->
// "42"). variants.cc.
std::string SizeIn(std::string value, std::string_view unit);

}  // namespace chatcart::engine

#endif  // CHATCART_ENGINE_PRODUCT_WORDS_H_
