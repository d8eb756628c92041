// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Catalog: an immutable product catalog loaded from JSON Lines through a
// declared field mapping (proto/chatcart/v1/catalog_mapping.proto), with
// columnar attributes, a category tree, inverted indexes, a lexicon for name
// lookup, and filters that return candidate sets.
//
//   absl::StatusOr<v1::CatalogMapping> mapping =
//       LoadCatalogMapping("examples/catalogs/pcparts.textproto");
//   CatalogLoadReport report;
//   absl::StatusOr<std::shared_ptr<const Catalog>> catalog =
//       Catalog::LoadJsonl("../shared/data/pcparts/products.jsonl", *mapping, {}, &report);
//
//   std::optional<ProductIndex> p = (*catalog)->FindById("cpu-00001");
//   std::vector<NameMatch> m = (*catalog)->FindByName("samsung 990 pro 2tb");
//   Product product = (*catalog)->product(*p);          // name, brand, price...
//   absl::StatusOr<ProductSet> gpus = (*catalog)->Select(
//       {*Constraint::Parse("category=Video Cards"), *Constraint::Parse("price<=300 USD"),
//        *Constraint::Parse("memory>=12")});
//
// Products are numbered 0..size()-1 in source order (rows skipped by a lenient
// load leave no gap): a ProductIndex is dense and stable for a given file and
// mapping, so callers may keep per-product arrays.
//
// Thread safety: a Catalog is immutable once loaded and safe for concurrent
// access from multiple threads without any external synchronization. The
// value types here (ProductSet, Constraint, CatalogLoadReport) are not
// synchronized: one writer, or external synchronization. Borrowed views
// (std::string_view, std::span, Column references) are valid as long as the
// Catalog lives.

#ifndef CHATCART_CATALOG_H_
#define CHATCART_CATALOG_H_

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "chatcart/money.h"

namespace chatcart {

namespace v1 {
class CatalogMapping;
}  // namespace v1

// A product's position in its catalog: 0..Catalog::size()-1.
using ProductIndex = uint32_t;
// An attribute column: 0..Catalog::attributes().size()-1.
using AttributeId = uint32_t;
// A node of the category tree; kRootCategory is the unnamed root, which holds
// the products without a category.
using CategoryId = uint32_t;
inline constexpr CategoryId kRootCategory = 0;

// Attribute types; values equal chatcart.v1.AttributeType and are persisted.
enum class AttributeType : int {
  kNumber = 0,  // double, with a unit
  kString = 1,  // free text, dictionary-encoded, not indexed
  kEnum = 2,    // one value of a set, dictionary-encoded, indexed
  kBool = 3,    // true/false, indexed
  kList = 4,    // several enum values, indexed per element
};

// "number", "string", "enum", "bool" or "list".
std::string_view AttributeTypeName(AttributeType type);

// ---------------------------------------------------------------------------
// Loading

// Reads a mapping in protobuf text format, or protobuf JSON when the file
// name ends in ".json". Errors name the file and line ("pcparts.textproto:12:
// attribute "memory": unknown type"). Validates what can be checked without
// data: required paths, path syntax, attribute names, types, conflicts.
absl::StatusOr<v1::CatalogMapping> LoadCatalogMapping(std::string_view path);

// Same, from text; `source_name` is used in messages.
absl::StatusOr<v1::CatalogMapping> ParseCatalogMapping(std::string_view text,
                                                       std::string_view source_name,
                                                       bool json = false);

struct CatalogLoadOptions {
  // When false, the first bad row fails the load with an error naming
  // file:line and the field. When true, bad rows are skipped and counted by
  // reason in the report. Default: false.
  bool lenient = false;

  // How many skipped-row messages the report keeps as examples. Default: 10.
  int max_error_examples = 10;
};

// What a load did. Counts are of JSON Lines rows; empty lines are ignored.
struct CatalogLoadReport {
  std::string source;              // the file name, or the name given
  int64_t rows_read = 0;           // non-empty lines
  int64_t rows_kept = 0;           // products in the catalog
  int64_t rows_skipped = 0;        // rows_read - rows_kept (lenient loads only)
  int64_t rows_without_price = 0;  // kept, not purchasable
  // Skipped rows by reason ("malformed JSON", "duplicate id", ...).
  std::map<std::string, int64_t> skipped_by_reason;
  // The first few skipped rows' messages, each naming file:line and field.
  std::vector<std::string> error_examples;
  // Values dropped from kept rows by attribute (drop_wrong_type attributes,
  // attribute-map keys below min_rows): "attribute: reason" -> count.
  std::map<std::string, int64_t> values_dropped;
  // Per attribute column: the share of products with a value (0..1); also
  // in Catalog::attributes().
  std::map<std::string, double> fill_rates;
  double load_seconds = 0;      // wall time of the whole load
  int64_t bytes_in_memory = 0;  // the catalog's heap footprint, estimated
};

// ---------------------------------------------------------------------------
// Columns

// One attribute's values: none or one T per product, stored densely (an
// array of size() entries) when most products have a value and sparsely
// (ascending product indexes and their values) otherwise. For numbers T is
// double; for STRING/ENUM/BOOL T is a dictionary code (uint32_t, see
// Catalog::AttributeValueText). Read-only; owned by the Catalog.
template <typename T>
class Column {
 public:
  // Whether product `i` has a value.
  bool Has(ProductIndex i) const { return Find(i) != nullptr; }
  // The value of product `i`, or nullopt.
  std::optional<T> Get(ProductIndex i) const {
    const T* v = Find(i);
    return v ? std::optional<T>(*v) : std::nullopt;
  }
  // Number of products with a value.
  size_t count() const { return count_; }

  // Layout, for scans: dense columns expose values() indexed by product with
  // present() flags; sparse columns expose rows() (ascending) and values()
  // aligned with it.
  bool dense() const { return dense_; }
  std::span<const T> values() const { return values_; }
  std::span<const ProductIndex> rows() const { return rows_; }  // sparse only
  bool present(ProductIndex i) const {                          // dense only
    return (present_[i >> 6] >> (i & 63)) & 1;
  }

  // Calls f(ProductIndex, const T&) for every value, in product order.
  template <typename F>
  void ForEach(F&& f) const {
    if (dense_) {
      for (size_t i = 0; i < values_.size(); ++i) {
        if (present(static_cast<ProductIndex>(i))) f(static_cast<ProductIndex>(i), values_[i]);
      }
    } else {
      for (size_t k = 0; k < rows_.size(); ++k) f(rows_[k], values_[k]);
    }
  }

  size_t MemoryUsage() const {
    return values_.capacity() * sizeof(T) + rows_.capacity() * sizeof(ProductIndex) +
           present_.capacity() * sizeof(uint64_t);
  }

 private:
  friend class CatalogBuilder;
  const T* Find(ProductIndex i) const;

  bool dense_ = false;
  size_t count_ = 0;
  std::vector<T> values_;
  std::vector<ProductIndex> rows_;
  std::vector<uint64_t> present_;
};

using NumberColumn = Column<double>;
using CodeColumn = Column<uint32_t>;

template <typename T>
const T* Column<T>::Find(ProductIndex i) const {
  if (dense_) {
    if (i >= values_.size() || !present(i)) return nullptr;
    return &values_[i];
  }
  // Binary search over the ascending rows.
  size_t lo = 0, hi = rows_.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (rows_[mid] < i) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return (lo < rows_.size() && rows_[lo] == i) ? &values_[lo] : nullptr;
}

// Display text per language, from the mapping (Attribute.labels): language
// code ("it", "fr"; "*" for every language) -> text.
using LocalizedLabels = std::map<std::string, std::string, std::less<>>;

// What an attribute column holds.
struct AttributeInfo {
  AttributeId id = 0;
  std::string name;   // as in filters: "memory"
  std::string label;  // for people: "Memory"
  std::string unit;   // "GB"; empty when none
  AttributeType type = AttributeType::kString;
  bool compatibility = false;  // marked as a compatibility field
  bool searchable = false;     // values are lookup terms
  bool variant_axis = false;   // tells variants of one product apart
  bool indexed = false;        // ENUM, BOOL, LIST: filters use inverted indexes
  int64_t rows_with_value = 0;
  double fill_rate = 0;        // rows_with_value / Catalog::size()
  size_t distinct_values = 0;  // dictionary size (not numbers)
  double min_value = NAN;      // numbers only
  double max_value = NAN;
  // The mapping's labels and value labels (empty when it gives none); value
  // labels are keyed by the value in ASCII lower case. Read them through
  // LabelIn and ValueIn.
  LocalizedLabels labels;
  std::map<std::string, LocalizedLabels, std::less<>> value_labels;

  // The label for people in `language` ("it", "fr-CH", "FR": case-insensitive,
  // the region ignored): its entry in `labels`, else the "*" entry, else
  // `label`.
  std::string_view LabelIn(std::string_view language) const;
  // One value of this attribute for people in `language`: its entry in
  // `value_labels` (value matched ignoring ASCII case; language as LabelIn),
  // else `value` itself.
  std::string_view ValueIn(std::string_view value, std::string_view language) const;
};

// Which attributes mean "better" in a category (CatalogMapping.quality): the
// recommender's good/better/best ladder compares products on them.
struct QualityAttribute {
  AttributeId attribute = 0;  // a NUMBER attribute
  bool more_is_better = true;
};

struct QualitySpec {
  CategoryId category = kRootCategory;  // holds for this category and below
  std::vector<QualityAttribute> attributes;
};

// ---------------------------------------------------------------------------
// Products, categories

// A product, as views into the catalog. Cheap to make; copy what must outlive
// the Catalog.
struct Product {
  ProductIndex index = 0;
  std::string_view id;
  std::string_view name;
  std::string_view brand;  // empty when none
  std::string_view model;
  std::string_view description;
  std::string_view image;
  std::string_view url;
  std::optional<Money> price;       // nullopt: not purchasable
  std::optional<Money> list_price;  // MRP / "was" price
  std::optional<double> rating;
  std::optional<int64_t> stock;  // nullopt: not tracked by the catalog
  CategoryId category = kRootCategory;
  uint32_t variant_group = 0;  // products of one group share it

  bool purchasable() const { return price.has_value(); }
};

struct CategoryNode {
  std::string name;  // "" for the root
  CategoryId parent = kRootCategory;
  uint32_t depth = 0;          // root 0, top level 1
  CategoryId subtree_end = 0;  // ids [id, subtree_end) are this node and its descendants
  uint32_t product_count = 0;  // products in this node and below
};

// ---------------------------------------------------------------------------
// Candidate sets and filters

// A set of products of one catalog, as a bitmap over 0..universe()-1.
class ProductSet {
 public:
  ProductSet() = default;
  // An empty set over `universe` products.
  explicit ProductSet(size_t universe);
  // Every product of 0..universe-1.
  static ProductSet All(size_t universe);

  size_t universe() const { return universe_; }
  size_t Count() const;
  bool empty() const { return Count() == 0; }
  bool Contains(ProductIndex i) const {
    return i < universe_ && ((words_[i >> 6] >> (i & 63)) & 1);
  }
  // REQUIRES: i < universe().
  void Insert(ProductIndex i) { words_[i >> 6] |= uint64_t{1} << (i & 63); }
  void Erase(ProductIndex i) { words_[i >> 6] &= ~(uint64_t{1} << (i & 63)); }

  // Set algebra. REQUIRES: other.universe() == universe().
  ProductSet& IntersectWith(const ProductSet& other);
  ProductSet& UnionWith(const ProductSet& other);
  ProductSet& Subtract(const ProductSet& other);

  // The members in ascending order.
  std::vector<ProductIndex> ToVector() const;
  // Calls f(ProductIndex) for every member in ascending order.
  template <typename F>
  void ForEach(F&& f) const {
    for (size_t w = 0; w < words_.size(); ++w) {
      for (uint64_t bits = words_[w]; bits != 0; bits &= bits - 1) {
        f(static_cast<ProductIndex>(w * 64 + static_cast<size_t>(__builtin_ctzll(bits))));
      }
    }
  }
  std::span<const uint64_t> words() const { return words_; }
  std::span<uint64_t> mutable_words() { return std::span<uint64_t>(words_); }

  friend bool operator==(const ProductSet& a, const ProductSet& b) {
    return a.universe_ == b.universe_ && a.words_ == b.words_;
  }

 private:
  size_t universe_ = 0;
  std::vector<uint64_t> words_;
};

enum class CompareOp : int { kEq, kNe, kLt, kLe, kGt, kGe };

// One filter condition: `field op values`. Fields are "category", "brand",
// "price", "list_price", "rating", "stock" (untracked stock counts as
// unlimited: "stock>0" keeps it), "id", or an attribute's name or label
// (case-insensitive). Constraints of a Select are ANDed.
//   category=Video Cards        the category or any below it; a name anywhere in
//                               the tree or a path "Clothing > Women's Clothing";
//                               a singular matches a plural ("Video Card")
//   brand=MSI|Asus              any of several values ('|')
//   price<=300 USD              money: the currency may be left out when the
//                               catalog has one; exact, never floating point
//   memory>=12  memory>=12 GB   numbers; a unit must be the column's or convert
//                               to it (TB->GB, GHz->MHz, ...)
//   color=black  wireless=yes   enum values fold case; booleans yes/no/true/false
//   color!=white                != keeps products without a value out
struct Constraint {
  std::string field;
  CompareOp op = CompareOp::kEq;
  // kEq/kNe: any of these values; ordering ops: exactly one number, optionally
  // followed by a unit or currency ("300 USD", "12 GB").
  std::vector<std::string> values;

  // Parses "field<op>value[|value...]" (ops = != < <= > >=). Spaces around
  // the field, the op and each value are trimmed.
  static absl::StatusOr<Constraint> Parse(std::string_view text);
  // "price<=300 USD": the text form Parse reads.
  std::string ToString() const;
};

// ---------------------------------------------------------------------------
// Name lookup

struct NameMatch {
  ProductIndex product = 0;
  // 0..1: the share of the query's weight matched (rare words weigh more,
  // typos and prefixes less), times a small factor for how much of the
  // product's name the query covers. 1 is an exact name.
  double score = 0;
};

struct FindOptions {
  // At most this many matches, best first. Default: 10.
  int limit = 10;
  // Matches scoring below this are dropped. Default: 0.3.
  double min_score = 0.3;
  // At most one product per variant group (the best scoring; on a tie the
  // first), so that "samsung 990 pro" lists the model once rather than each
  // capacity. Default: false.
  bool one_per_variant_group = false;
};

// ---------------------------------------------------------------------------
// The catalog

class Catalog {
 public:
  // Loads `path` (JSON Lines) through `mapping`. Returns the catalog, or an
  // error naming file:line and field (strict), or INVALID_ARGUMENT when a
  // lenient load keeps no row at all; NOT_FOUND when the file cannot be read;
  // RESOURCE_EXHAUSTED naming file:line for a line over kMaxCatalogLineBytes
  // (chatcart/limits.h), lenient or not.
  // Fills *report (optional) on success and, as far as it got, on failure.
  static absl::StatusOr<std::shared_ptr<const Catalog>> LoadJsonl(
      std::string_view path, const v1::CatalogMapping& mapping,
      const CatalogLoadOptions& options = {}, CatalogLoadReport* report = nullptr);

  // Same, from JSON Lines text in memory; `source_name` stands for the file.
  static absl::StatusOr<std::shared_ptr<const Catalog>> FromJsonlText(
      std::string_view text, std::string_view source_name, const v1::CatalogMapping& mapping,
      const CatalogLoadOptions& options = {}, CatalogLoadReport* report = nullptr);

  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;
  ~Catalog();

  // The mapping's name ("pcparts").
  std::string_view name() const;
  // Number of products.
  size_t size() const;
  // The currencies of the prices, sorted ("USD").
  std::span<const std::string> currencies() const;
  // The heap footprint of the catalog in bytes (an estimate).
  size_t MemoryUsage() const;

  // ---- products
  // REQUIRES: i < size().
  Product product(ProductIndex i) const;
  std::string_view id(ProductIndex i) const;
  std::string_view product_name(ProductIndex i) const;
  // The price in minor units, or nullopt (see price_currency()).
  std::optional<int64_t> price_minor_units(ProductIndex i) const;

  // The product with this id (exact), or nullopt.
  std::optional<ProductIndex> FindById(std::string_view id) const;
  // The first product whose key `key_name` ("sku", "upc", as named in the
  // mapping) equals `value`, or nullopt (also for an unknown key name).
  std::optional<ProductIndex> FindByKey(std::string_view key_name, std::string_view value) const;
  // FindById, then every key in mapping order.
  std::optional<ProductIndex> Lookup(std::string_view id_or_key) const;
  // The names of the mapping's keys ("sku", "upc").
  std::vector<std::string_view> key_names() const;

  // Products whose name, brand, model, aliases, searchable attributes or
  // variant values ("2tb") match `text`, best first. Text is folded and
  // tokenized as the understanding component does (lib/text); a word of 4+
  // letters may carry one typo (8+ letters: two; words past 40 letters must
  // match exactly), the last word may be unfinished, and "iphone5" also
  // matches "iPhone 5".
  std::vector<NameMatch> FindByName(std::string_view text, const FindOptions& options = {}) const;

  // ---- variants
  // The products of `i`'s variant group, ascending (`i` included).
  std::span<const ProductIndex> Variants(ProductIndex i) const;
  // The attributes that tell variants apart (the mapping's axes).
  std::span<const AttributeId> variant_axes() const;

  // ---- attributes
  std::span<const AttributeInfo> attributes() const;
  // By name or label, case-insensitive; nullopt when none.
  std::optional<AttributeId> FindAttribute(std::string_view name) const;
  // REQUIRES: attributes()[a].type == kNumber.
  const NumberColumn& number_column(AttributeId a) const;
  // REQUIRES: type is kString, kEnum or kBool. Codes index dictionary().
  const CodeColumn& code_column(AttributeId a) const;
  // The distinct values of a STRING/ENUM/BOOL/LIST attribute; a code c
  // stands for dictionary(a)[c].
  std::span<const std::string> dictionary(AttributeId a) const;
  // A LIST attribute's codes for product i (empty when none).
  std::span<const uint32_t> list_codes(AttributeId a, ProductIndex i) const;
  // The value for people: "12 GB", "Black", "Yes", "Windows, OS X"; empty
  // when the product has none.
  std::string AttributeValueText(AttributeId a, ProductIndex i) const;
  // The same with each value as attributes()[a].ValueIn(value, language)
  // ("Connessione: Bluetooth, Wi-Fi"); numbers as above.
  std::string AttributeValueText(AttributeId a, ProductIndex i, std::string_view language) const;

  // Prices of all products in minor units, indexed by product;
  // kNoPrice where there is none. With several currencies see price_currency().
  static constexpr int64_t kNoPrice = INT64_MIN;
  std::span<const int64_t> price_column() const;
  // The currency of product i's price ("" when it has none).
  std::string_view price_currency(ProductIndex i) const;
  // Ratings as a number column (empty when the mapping has none).
  const NumberColumn& rating_column() const;

  // ---- categories and brands
  std::span<const CategoryNode> categories() const;
  // "Clothing > Women's Clothing > Shorts".
  std::string CategoryPath(CategoryId c) const;
  // The categories with this name (folded; singular/plural tolerant) or path
  // ("A > B"), in id order.
  std::vector<CategoryId> FindCategories(std::string_view name_or_path) const;
  // The mapping's quality declarations, one per category they name (a name
  // found at several places of the tree gives one each).
  std::span<const QualitySpec> quality() const;
  // The declaration that holds for products of category `c`: the deepest of
  // c and its ancestors that has one; nullptr when none does.
  const QualitySpec* QualityFor(CategoryId c) const;

  // Brands in first-seen order; a product's brand is brands()[brand_code(i)-1],
  // code 0 meaning none.
  std::span<const std::string> brands() const;
  uint32_t brand_code(ProductIndex i) const;

  // ---- filters
  // The products satisfying every constraint. INVALID_ARGUMENT naming the
  // constraint for an unknown field, a value of the wrong kind or a unit that
  // does not convert; an unknown enum value or category is not an error (no
  // product matches it).
  absl::StatusOr<ProductSet> Select(std::span<const Constraint> constraints) const;
  absl::StatusOr<ProductSet> Select(std::initializer_list<Constraint> constraints) const {
    return Select(std::span<const Constraint>(constraints.begin(), constraints.size()));
  }

  struct Rep;  // internal

 private:
  friend class CatalogBuilder;
  explicit Catalog(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace chatcart

#endif  // CHATCART_CATALOG_H_
