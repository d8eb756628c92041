// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Catalog's accessors: products, keys, variants, attributes, categories,
// brands. Filters are in filter.cc, name lookup in lexicon.cc, loading in
// loader.cc.

#include "chatcart/catalog.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "catalog/catalog_rep.h"
#include "common/locale.h"
#include "common/strings.h"
#include "text/fold.h"

namespace chatcart {

std::string_view AttributeTypeName(AttributeType type) {
  switch (type) {
    case AttributeType::kNumber:
      return "number";
    case AttributeType::kString:
      return "string";
    case AttributeType::kEnum:
      return "enum";
    case AttributeType::kBool:
      return "bool";
    case AttributeType::kList:
      return "list";
  }
  return "unknown";
}

size_t AttributeStore::MemoryUsage() const {
  size_t n = numbers.MemoryUsage() + codes.MemoryUsage() + postings.MemoryUsage() +
             list_rows.capacity() * sizeof(ProductIndex) +
             (list_offsets.capacity() + list_codes.capacity()) * sizeof(uint32_t) +
             dictionary.capacity() * sizeof(std::string);
  for (const std::string& s : dictionary) n += s.capacity() > 15 ? s.capacity() + 1 : 0;
  n += folded_codes.capacity() * (sizeof(std::string) + sizeof(std::vector<uint32_t>) + 1);
  for (const auto& [k, v] : folded_codes) {
    n += (k.capacity() > 15 ? k.capacity() + 1 : 0) + v.capacity() * sizeof(uint32_t);
  }
  return n;
}

size_t Catalog::Rep::MemoryUsage() const {
  size_t n = sizeof(Rep);
  for (const catalog::StringColumn* s : {&ids, &names, &models, &descriptions, &images, &urls}) {
    n += s->MemoryUsage();
  }
  n += id_index->MemoryUsage();
  for (const CatalogKey& k : keys) n += k.values.MemoryUsage() + k.index->MemoryUsage();
  n += brands.capacity() * sizeof(std::string) + brand_of.capacity() * sizeof(uint32_t) +
       brand_postings.MemoryUsage();
  for (const std::string& b : brands) n += b.capacity() > 15 ? b.capacity() + 1 : 0;
  n += folded_brands.capacity() * (sizeof(std::string) + sizeof(std::vector<uint32_t>) + 1);
  n += (price.capacity() + list_price.capacity()) * sizeof(int64_t) + currency_of.capacity();
  n += rating.MemoryUsage() + stock.MemoryUsage();
  n += categories.capacity() * sizeof(CategoryNode) + category_of.capacity() * sizeof(uint32_t) +
       category_products.MemoryUsage();
  for (const CategoryNode& c : categories) n += c.name.capacity() > 15 ? c.name.capacity() + 1 : 0;
  n += folded_categories.capacity() * (sizeof(std::string) + sizeof(std::vector<CategoryId>) + 1);
  n += group_of.capacity() * sizeof(uint32_t) + groups.MemoryUsage();
  for (const AttributeStore& a : attributes) n += sizeof(AttributeStore) + a.MemoryUsage();
  n += infos.capacity() * sizeof(AttributeInfo);
  n += lexicon.MemoryUsage();
  return n;
}

Catalog::Catalog(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
Catalog::~Catalog() = default;

std::string_view Catalog::name() const { return rep_->name; }
size_t Catalog::size() const { return rep_->size; }
std::span<const std::string> Catalog::currencies() const { return rep_->currencies; }
size_t Catalog::MemoryUsage() const { return rep_->MemoryUsage(); }

std::string_view Catalog::id(ProductIndex i) const { return rep_->ids.Get(i); }
std::string_view Catalog::product_name(ProductIndex i) const { return rep_->names.Get(i); }

std::optional<int64_t> Catalog::price_minor_units(ProductIndex i) const {
  int64_t p = rep_->price[i];
  return p == kNoPrice ? std::nullopt : std::optional<int64_t>(p);
}

std::string_view Catalog::price_currency(ProductIndex i) const {
  if (rep_->price[i] == kNoPrice && rep_->list_price[i] == kNoPrice) return "";
  if (rep_->currency_of.empty()) {
    return rep_->currencies.empty() ? std::string_view() : std::string_view(rep_->currencies[0]);
  }
  uint8_t c = rep_->currency_of[i];
  return c < rep_->currencies.size() ? std::string_view(rep_->currencies[c]) : "";
}

Product Catalog::product(ProductIndex i) const {
  const Rep& r = *rep_;
  Product p;
  p.index = i;
  p.id = r.ids.Get(i);
  p.name = r.names.Get(i);
  p.brand = r.brand_of[i] == 0 ? std::string_view() : std::string_view(r.brands[r.brand_of[i] - 1]);
  p.model = r.models.Get(i);
  p.description = r.descriptions.Get(i);
  p.image = r.images.Get(i);
  p.url = r.urls.Get(i);
  std::string_view currency = price_currency(i);
  if (r.price[i] != kNoPrice) {
    absl::StatusOr<Money> m = Money::FromMinorUnits(r.price[i], currency);
    if (m.ok()) p.price = *m;
  }
  if (r.list_price[i] != kNoPrice) {
    absl::StatusOr<Money> m = Money::FromMinorUnits(r.list_price[i], currency);
    if (m.ok()) p.list_price = *m;
  }
  p.rating = r.rating.Get(i);
  p.stock = r.stock.Get(i);
  p.category = r.category_of[i];
  p.variant_group = r.group_of[i];
  return p;
}

std::optional<ProductIndex> Catalog::FindById(std::string_view id) const {
  return rep_->id_index->Find(id);
}

std::optional<ProductIndex> Catalog::FindByKey(std::string_view key_name,
                                               std::string_view value) const {
  for (const CatalogKey& k : rep_->keys) {
    if (k.name == key_name) return value.empty() ? std::nullopt : k.index->Find(value);
  }
  return std::nullopt;
}

std::optional<ProductIndex> Catalog::Lookup(std::string_view id_or_key) const {
  if (std::optional<ProductIndex> p = FindById(id_or_key)) return p;
  if (id_or_key.empty()) return std::nullopt;
  for (const CatalogKey& k : rep_->keys) {
    if (std::optional<ProductIndex> p = k.index->Find(id_or_key)) return p;
  }
  return std::nullopt;
}

std::vector<std::string_view> Catalog::key_names() const {
  std::vector<std::string_view> names;
  for (const CatalogKey& k : rep_->keys) names.push_back(k.name);
  return names;
}

std::vector<NameMatch> Catalog::FindByName(std::string_view text,
                                           const FindOptions& options) const {
  return rep_->lexicon.Find(text, options, rep_->group_of);
}

std::span<const ProductIndex> Catalog::Variants(ProductIndex i) const {
  return rep_->groups.Get(rep_->group_of[i]);
}
std::span<const AttributeId> Catalog::variant_axes() const { return rep_->variant_axes; }

std::span<const AttributeInfo> Catalog::attributes() const { return rep_->infos; }

std::optional<AttributeId> Catalog::FindAttribute(std::string_view name) const {
  auto it = rep_->attribute_by_name.find(text::Fold(name));
  if (it == rep_->attribute_by_name.end()) return std::nullopt;
  return it->second;
}

const NumberColumn& Catalog::number_column(AttributeId a) const {
  return rep_->attributes[a].numbers;
}
const CodeColumn& Catalog::code_column(AttributeId a) const { return rep_->attributes[a].codes; }
std::span<const std::string> Catalog::dictionary(AttributeId a) const {
  return rep_->attributes[a].dictionary;
}

std::span<const uint32_t> Catalog::list_codes(AttributeId a, ProductIndex i) const {
  const AttributeStore& s = rep_->attributes[a];
  auto it = std::lower_bound(s.list_rows.begin(), s.list_rows.end(), i);
  if (it == s.list_rows.end() || *it != i) return {};
  size_t k = static_cast<size_t>(it - s.list_rows.begin());
  return std::span<const uint32_t>(s.list_codes.data() + s.list_offsets[k],
                                   s.list_offsets[k + 1] - s.list_offsets[k]);
}

std::string FormatNumber(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string Catalog::AttributeValueText(AttributeId a, ProductIndex i) const {
  const AttributeStore& s = rep_->attributes[a];
  switch (s.info.type) {
    case AttributeType::kNumber: {
      std::optional<double> v = s.numbers.Get(i);
      if (!v) return "";
      std::string text = FormatNumber(*v);
      if (!s.info.unit.empty()) absl::StrAppend(&text, " ", s.info.unit);
      return text;
    }
    case AttributeType::kString:
    case AttributeType::kEnum:
    case AttributeType::kBool: {
      std::optional<uint32_t> c = s.codes.Get(i);
      return c ? s.dictionary[*c] : "";
    }
    case AttributeType::kList: {
      std::string text;
      for (uint32_t c : list_codes(a, i)) {
        if (!text.empty()) text.append(", ");
        text.append(s.dictionary[c]);
      }
      return text;
    }
  }
  return "";
}

std::string Catalog::AttributeValueText(AttributeId a, ProductIndex i,
                                        std::string_view language) const {
  const AttributeStore& s = rep_->attributes[a];
  if (s.info.value_labels.empty()) return AttributeValueText(a, i);
  switch (s.info.type) {
    case AttributeType::kNumber:
      return AttributeValueText(a, i);
    case AttributeType::kString:
    case AttributeType::kEnum:
    case AttributeType::kBool: {
      std::optional<uint32_t> c = s.codes.Get(i);
      return c ? std::string(s.info.ValueIn(s.dictionary[*c], language)) : "";
    }
    case AttributeType::kList: {
      std::string text;
      for (uint32_t c : list_codes(a, i)) {
        if (!text.empty()) text.append(", ");
        text.append(s.info.ValueIn(s.dictionary[c], language));
      }
      return text;
    }
  }
  return "";
}

namespace {

// The entry of `labels` for the language of `locale` ("fr-CH" -> "fr"), else
// the "*" entry; null when neither.
const std::string* LabelFor(const LocalizedLabels& labels, std::string_view locale) {
  if (labels.empty()) return nullptr;
  std::string language(LocaleLanguage(locale));
  absl::AsciiStrToLower(&language);
  auto it = labels.find(language);
  if (it == labels.end()) it = labels.find("*");
  return it == labels.end() ? nullptr : &it->second;
}

}  // namespace

std::string_view AttributeInfo::LabelIn(std::string_view language) const {
  const std::string* text = LabelFor(labels, language);
  return text != nullptr ? std::string_view(*text) : std::string_view(label);
}

std::string_view AttributeInfo::ValueIn(std::string_view value, std::string_view language) const {
  if (value_labels.empty()) return value;
  auto it = value_labels.find(absl::AsciiStrToLower(ToAbsl(value)));
  if (it == value_labels.end()) return value;
  const std::string* text = LabelFor(it->second, language);
  return text != nullptr ? std::string_view(*text) : value;
}

std::span<const int64_t> Catalog::price_column() const { return rep_->price; }
const NumberColumn& Catalog::rating_column() const { return rep_->rating; }

std::span<const CategoryNode> Catalog::categories() const { return rep_->categories; }

std::string Catalog::CategoryPath(CategoryId c) const {
  std::vector<std::string_view> parts;
  while (c != kRootCategory) {
    parts.push_back(rep_->categories[c].name);
    c = rep_->categories[c].parent;
  }
  std::string path;
  for (size_t k = parts.size(); k-- > 0;) {
    if (!path.empty()) path.append(" > ");
    path.append(parts[k]);
  }
  return path;
}

namespace {

// The folded name and its singular/plural neighbours ("video card" <->
// "video cards", "box" <-> "boxes").
std::vector<std::string> NumberVariants(const std::string& folded) {
  std::vector<std::string> v{folded, folded + "s", folded + "es"};
  if (folded.size() > 1 && folded.back() == 's') v.push_back(folded.substr(0, folded.size() - 1));
  if (folded.size() > 2 && folded.ends_with("es")) v.push_back(folded.substr(0, folded.size() - 2));
  return v;
}

}  // namespace

std::vector<CategoryId> Catalog::FindCategories(std::string_view name_or_path) const {
  const Rep& r = *rep_;
  auto named = [&](std::string_view name) {
    std::string folded = text::Fold(ToStd(absl::StripAsciiWhitespace(ToAbsl(name))));
    auto it = r.folded_categories.find(folded);
    if (it != r.folded_categories.end()) return it->second;
    std::vector<CategoryId> found;
    for (const std::string& variant : NumberVariants(folded)) {
      auto v = r.folded_categories.find(variant);
      if (v != r.folded_categories.end())
        found.insert(found.end(), v->second.begin(), v->second.end());
    }
    std::sort(found.begin(), found.end());
    return found;
  };
  std::vector<std::string_view> levels;
  for (absl::string_view part : absl::StrSplit(ToAbsl(name_or_path), '>')) {
    levels.push_back(ToStd(absl::StripAsciiWhitespace(part)));
  }
  if (levels.empty()) return {};
  std::vector<CategoryId> current = named(levels[0]);
  for (size_t k = 1; k < levels.size() && !current.empty(); ++k) {
    std::vector<CategoryId> candidates = named(levels[k]);
    std::vector<CategoryId> next;
    for (CategoryId c : candidates) {
      if (std::binary_search(current.begin(), current.end(), r.categories[c].parent)) {
        next.push_back(c);
      }
    }
    current = std::move(next);
  }
  return current;
}

std::span<const QualitySpec> Catalog::quality() const { return rep_->quality; }

const QualitySpec* Catalog::QualityFor(CategoryId c) const {
  const Rep& r = *rep_;
  if (c >= r.quality_of_category.size() || r.quality_of_category[c] < 0) return nullptr;
  return &r.quality[static_cast<size_t>(r.quality_of_category[c])];
}

std::span<const std::string> Catalog::brands() const { return rep_->brands; }
uint32_t Catalog::brand_code(ProductIndex i) const { return rep_->brand_of[i]; }

}  // namespace chatcart
