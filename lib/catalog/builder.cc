// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "catalog/builder.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/strings.h"
#include "text/fold.h"

namespace chatcart {

namespace {

// Columns with at least this share of products filled are stored densely.
constexpr double kDenseFill = 0.5;

}  // namespace

CatalogBuilder::CatalogBuilder(const catalog::CompiledMapping* mapping)
    : mapping_(mapping), rep_(std::make_unique<Catalog::Rep>()) {
  rep_->name = mapping->catalog_name;
  rep_->id_index = std::make_unique<catalog::KeyIndex>(&rep_->ids);
  rep_->keys.resize(mapping->keys.size());
  for (size_t k = 0; k < mapping->keys.size(); ++k) {
    rep_->keys[k].name = mapping->keys[k].name;
    rep_->keys[k].index = std::make_unique<catalog::KeyIndex>(&rep_->keys[k].values);
  }
  temp_categories_.push_back(TempCategory{"", 0, {}});
  for (const catalog::ColumnSpec& spec : mapping->columns) {
    ColumnAcc acc;
    acc.spec = spec;
    if (spec.type == AttributeType::kBool) {
      acc.Code("No");
      acc.Code("Yes");
    }
    column_names_.emplace(spec.name, static_cast<uint32_t>(columns_.size()));
    columns_.push_back(std::move(acc));
  }
  map_columns_.resize(mapping->maps.size());
}

CatalogBuilder::~CatalogBuilder() = default;

void CatalogBuilder::Reserve(size_t n) {
  Catalog::Rep& r = *rep_;
  n = std::min<size_t>(n, size_t{1} << 28);
  r.id_index->Reserve(n);
  for (catalog::StringColumn* s : {&r.ids, &r.names}) s->ReserveRows(n);
  for (std::vector<uint32_t>* v : {&r.brand_of, &r.category_of, &r.group_of}) v->reserve(n);
  r.price.reserve(n);
  r.list_price.reserve(n);
  currency_of_.reserve(n);
  lines_.reserve(n);
}

bool CatalogBuilder::Add(const catalog::RowValues& row, int64_t line, int64_t* first_line) {
  Catalog::Rep& r = *rep_;
  const ProductIndex i = static_cast<ProductIndex>(r.size);
  if (std::optional<ProductIndex> dup = r.id_index->InsertOrFind(row.id, i)) {
    *first_line = lines_[*dup];
    return false;
  }
  ++r.size;
  lines_.push_back(line);
  bool ok = r.ids.Add(row.id) && r.names.Add(row.name) && r.models.Add(row.model) &&
            r.descriptions.Add(row.description) && r.images.Add(row.image) && r.urls.Add(row.url);
  if (row.aliases.empty()) {
    ok = aliases_.Add("") && ok;
  } else {
    std::string joined;
    for (const std::string& a : row.aliases) {
      if (!joined.empty()) joined.push_back('\x1f');
      joined.append(a);
    }
    ok = aliases_.Add(joined) && ok;
  }
  for (size_t k = 0; k < r.keys.size(); ++k) {
    if (!row.keys[k].empty()) r.keys[k].index->InsertOrFind(row.keys[k], i);
    ok = r.keys[k].values.Add(row.keys[k]) && ok;
  }
  too_large_ = too_large_ || !ok;

  // Brand.
  uint32_t brand = 0;
  if (!row.brand.empty()) {
    bool added = false;
    brand = brand_index_.Intern(row.brand, &added) + 1;
    if (added) r.brands.push_back(row.brand);
  }
  r.brand_of.push_back(brand);

  // Prices.
  r.price.push_back(row.price.value_or(Catalog::kNoPrice));
  r.list_price.push_back(row.list_price.value_or(Catalog::kNoPrice));
  uint8_t currency = UINT8_MAX;
  if (!row.currency.empty()) {
    auto [it, inserted] =
        currency_index_.try_emplace(row.currency, static_cast<uint32_t>(r.currencies.size()));
    if (inserted) r.currencies.push_back(row.currency);
    currency = static_cast<uint8_t>(std::min<uint32_t>(it->second, UINT8_MAX - 1));
  }
  currency_of_.push_back(currency);

  if (row.rating) {
    rating_rows_.push_back(i);
    rating_values_.push_back(*row.rating);
  }
  if (row.stock) {
    stock_rows_.push_back(i);
    stock_values_.push_back(*row.stock);
  }

  // Category: walk down from the root, creating nodes.
  uint32_t node = 0;
  std::string key;
  for (const std::string& level : row.category) {
    key.assign(reinterpret_cast<const char*>(&node), sizeof node);
    key.append(level);
    bool added = false;
    const uint32_t child = category_index_.Intern(key, &added) + 1;  // 0 is the root
    if (added) {
      temp_categories_[node].children.push_back(child);
      temp_categories_.push_back(TempCategory{level, node, {}});
    }
    node = child;
  }
  r.category_of.push_back(node);

  // Variant group.
  uint32_t group;
  if (row.group_key.empty()) {
    group = static_cast<uint32_t>(r.groups.offsets.size() - 1);
    r.groups.offsets.push_back(0);  // counts only: the real postings come in Finish
  } else {
    bool added = false;
    const uint32_t key_id = group_index_.Intern(row.group_key, &added);
    if (added) {
      group_of_key_.push_back(static_cast<uint32_t>(r.groups.offsets.size() - 1));
      r.groups.offsets.push_back(0);
    }
    group = group_of_key_[key_id];
  }
  r.group_of.push_back(group);

  // Attributes.
  for (const catalog::RowValues::Number& n : row.numbers) {
    ColumnAcc& c = columns_[n.column];
    // Two declarations of one column cannot both apply (disjoint "when"), but
    // guard anyway: the first value wins.
    if (!c.rows.empty() && c.rows.back() == i) continue;
    c.rows.push_back(i);
    c.numbers.push_back(n.value);
  }
  for (const catalog::RowValues::Text& t : row.texts) {
    ColumnAcc& c = columns_[t.column];
    if (!c.rows.empty() && c.rows.back() == i) continue;
    c.rows.push_back(i);
    c.codes.push_back(c.Code(t.value));
  }
  for (const catalog::RowValues::List& l : row.lists) {
    ColumnAcc& c = columns_[l.column];
    if (!c.rows.empty() && c.rows.back() == i) continue;
    c.rows.push_back(i);
    c.list_offsets.push_back(static_cast<uint32_t>(c.codes.size()));
    for (const std::string& v : l.values) c.codes.push_back(c.Code(v));
  }
  for (const catalog::RowValues::MapEntry& e : row.map_entries) {
    const catalog::MapSource& ms = mapping_->maps[e.map];
    auto [it, inserted] =
        map_columns_[e.map].try_emplace(e.key, static_cast<uint32_t>(columns_.size()));
    if (inserted) {
      ColumnAcc acc;
      acc.map = static_cast<int>(e.map);
      std::string base = ms.prefix + catalog::ColumnNameFromKey(e.key);
      if (base.empty()) base = ms.prefix.empty() ? "attribute" : ms.prefix;
      std::string name = base;
      for (int n = 2; column_names_.contains(name) || name == "category" || name == "brand" ||
                      name == "price" || name == "list_price" || name == "rating" || name == "id" ||
                      name == "name";
           ++n) {
        name = absl::StrCat(base, "_", n);
      }
      column_names_.emplace(name, it->second);
      acc.spec.name = name;
      acc.spec.label = e.key;
      acc.spec.type = ms.type;
      columns_.push_back(std::move(acc));
    }
    ColumnAcc& c = columns_[it->second];
    if (!c.rows.empty() && c.rows.back() == i) continue;
    c.rows.push_back(i);
    c.codes.push_back(c.Code(e.value));
  }
  for (const std::string& d : row.dropped) ++dropped_[d];
  return true;
}

template <typename T>
void CatalogBuilder::MakeColumn(size_t size, std::vector<ProductIndex>& rows,
                                std::vector<T>& values, Column<T>* out) {
  out->count_ = rows.size();
  if (size > 0 && static_cast<double>(rows.size()) >= kDenseFill * static_cast<double>(size)) {
    out->dense_ = true;
    out->values_.assign(size, T{});
    out->present_.assign((size + 63) / 64, 0);
    for (size_t k = 0; k < rows.size(); ++k) {
      out->values_[rows[k]] = values[k];
      out->present_[rows[k] >> 6] |= uint64_t{1} << (rows[k] & 63);
    }
    std::vector<ProductIndex>().swap(rows);
    std::vector<T>().swap(values);
  } else {
    out->dense_ = false;
    rows.shrink_to_fit();
    values.shrink_to_fit();
    out->rows_ = std::move(rows);
    out->values_ = std::move(values);
  }
}

void CatalogBuilder::BuildCategories() {
  Catalog::Rep& r = *rep_;
  // Preorder numbering, children in first-seen order.
  std::vector<uint32_t> new_id(temp_categories_.size(), 0);
  r.categories.clear();
  r.categories.reserve(temp_categories_.size());
  std::vector<std::pair<uint32_t, size_t>> stack;  // (temp node, next child)
  new_id[0] = 0;
  r.categories.push_back(CategoryNode{"", kRootCategory, 0, 0, 0});
  stack.push_back({0, 0});
  while (!stack.empty()) {
    auto& [temp, next] = stack.back();
    const TempCategory& t = temp_categories_[temp];
    if (next < t.children.size()) {
      uint32_t child = t.children[next++];
      uint32_t id = static_cast<uint32_t>(r.categories.size());
      new_id[child] = id;
      CategoryNode n;
      n.name = temp_categories_[child].name;
      n.parent = new_id[temp];
      n.depth = r.categories[n.parent].depth + 1;
      r.categories.push_back(std::move(n));
      stack.push_back({child, 0});
    } else {
      r.categories[new_id[temp]].subtree_end = static_cast<CategoryId>(r.categories.size());
      stack.pop_back();
    }
  }
  for (uint32_t& c : r.category_of) c = new_id[c];
  r.category_products = catalog::Postings::FromKeys(r.category_of, r.categories.size());
  // Subtree counts: children come after parents in preorder, so one backward pass.
  for (size_t c = r.categories.size(); c-- > 0;) {
    r.categories[c].product_count += static_cast<uint32_t>(r.category_products.Get(c).size());
    if (c > 0) r.categories[r.categories[c].parent].product_count += r.categories[c].product_count;
  }
  for (size_t c = 1; c < r.categories.size(); ++c) {
    r.folded_categories[text::Fold(r.categories[c].name)].push_back(static_cast<CategoryId>(c));
  }
  std::vector<TempCategory>().swap(temp_categories_);
}

void CatalogBuilder::BuildBrands() {
  Catalog::Rep& r = *rep_;
  std::vector<uint32_t> key_of(r.brand_of.size());
  for (size_t i = 0; i < key_of.size(); ++i) {
    key_of[i] = r.brand_of[i] == 0 ? catalog::Postings::kNone : r.brand_of[i] - 1;
  }
  r.brand_postings = catalog::Postings::FromKeys(key_of, r.brands.size());
  for (size_t b = 0; b < r.brands.size(); ++b) {
    r.folded_brands[text::Fold(r.brands[b])].push_back(static_cast<uint32_t>(b + 1));
  }
}

void CatalogBuilder::BuildAttributes(CatalogLoadReport* report) {
  Catalog::Rep& r = *rep_;
  for (ColumnAcc& c : columns_) {
    if (c.map >= 0 &&
        static_cast<int64_t>(c.rows.size()) < mapping_->maps[static_cast<size_t>(c.map)].min_rows) {
      dropped_[absl::StrCat(mapping_->maps[static_cast<size_t>(c.map)].path.text(),
                            ": keys in too few rows (min_rows)")] +=
          static_cast<int64_t>(c.rows.size());
      continue;
    }
    AttributeStore store;
    AttributeInfo& info = store.info;
    info.id = static_cast<AttributeId>(r.attributes.size());
    info.name = c.spec.name;
    info.label = c.spec.label.empty() ? c.spec.name : c.spec.label;
    info.unit = c.spec.unit;
    info.labels = c.spec.labels;
    info.value_labels = c.spec.value_labels;
    info.type = c.spec.type;
    info.compatibility = c.spec.compatibility;
    info.searchable = c.spec.searchable;
    info.variant_axis = c.spec.variant_axis;
    info.indexed = info.type == AttributeType::kEnum || info.type == AttributeType::kBool ||
                   info.type == AttributeType::kList;
    info.rows_with_value = static_cast<int64_t>(c.rows.size());
    info.fill_rate =
        r.size == 0 ? 0 : static_cast<double>(c.rows.size()) / static_cast<double>(r.size);
    if (info.type == AttributeType::kNumber) {
      for (double v : c.numbers) {
        info.min_value = std::isnan(info.min_value) ? v : std::min(info.min_value, v);
        info.max_value = std::isnan(info.max_value) ? v : std::max(info.max_value, v);
      }
      MakeColumn(r.size, c.rows, c.numbers, &store.numbers);
    } else {
      info.distinct_values = c.dictionary->size();
      store.dictionary.reserve(c.dictionary->size());
      for (uint32_t code = 0; code < c.dictionary->size(); ++code) {
        store.dictionary.emplace_back(c.dictionary->Get(code));
      }
      c.dictionary.reset();
      if (info.indexed) {
        std::vector<uint32_t> key_of;
        if (info.type == AttributeType::kList) {
          // Postings need one key per (product, code): expand, then merge per code.
          std::vector<std::vector<ProductIndex>> per_code(store.dictionary.size());
          for (size_t k = 0; k < c.rows.size(); ++k) {
            size_t end = k + 1 < c.rows.size() ? c.list_offsets[k + 1] : c.codes.size();
            for (size_t j = c.list_offsets[k]; j < end; ++j) {
              std::vector<ProductIndex>& v = per_code[c.codes[j]];
              if (v.empty() || v.back() != c.rows[k]) v.push_back(c.rows[k]);
            }
          }
          store.postings.offsets.assign(1, 0);
          for (const auto& v : per_code) {
            store.postings.products.insert(store.postings.products.end(), v.begin(), v.end());
            store.postings.offsets.push_back(static_cast<uint32_t>(store.postings.products.size()));
          }
        } else {
          key_of.assign(r.size, catalog::Postings::kNone);
          for (size_t k = 0; k < c.rows.size(); ++k) key_of[c.rows[k]] = c.codes[k];
          store.postings = catalog::Postings::FromKeys(key_of, store.dictionary.size());
        }
        for (size_t code = 0; code < store.dictionary.size(); ++code) {
          store.folded_codes[text::Fold(store.dictionary[code])].push_back(
              static_cast<uint32_t>(code));
        }
      }
      if (info.type == AttributeType::kList) {
        store.list_rows = std::move(c.rows);
        store.list_offsets = std::move(c.list_offsets);
        store.list_offsets.push_back(static_cast<uint32_t>(c.codes.size()));
        store.list_codes = std::move(c.codes);
        store.list_rows.shrink_to_fit();
        store.list_offsets.shrink_to_fit();
        store.list_codes.shrink_to_fit();
      } else {
        MakeColumn(r.size, c.rows, c.codes, &store.codes);
      }
    }
    r.attributes.push_back(std::move(store));
  }
  columns_.clear();
  for (const AttributeStore& a : r.attributes) {
    r.infos.push_back(a.info);
    if (a.info.variant_axis) r.variant_axes.push_back(a.info.id);
  }
  // Names first so that a label never shadows another attribute's name.
  for (const AttributeStore& a : r.attributes)
    r.attribute_by_name.emplace(text::Fold(a.info.name), a.info.id);
  for (const AttributeStore& a : r.attributes)
    r.attribute_by_name.emplace(text::Fold(a.info.label), a.info.id);
  for (const auto& [what, n] : dropped_) report->values_dropped[what] += n;
  for (const AttributeInfo& info : r.infos) report->fill_rates[info.name] = info.fill_rate;
}

absl::StatusOr<std::shared_ptr<const Catalog>> CatalogBuilder::Finish(CatalogLoadReport* report) {
  Catalog::Rep& r = *rep_;
  if (too_large_) {
    return absl::ResourceExhaustedError(
        "a string column of the catalog passed 4 GiB, the limit of one catalog");
  }
  for (catalog::StringColumn* s :
       {&r.ids, &r.names, &r.models, &r.descriptions, &r.images, &r.urls}) {
    s->ShrinkToFit();
  }
  for (CatalogKey& k : r.keys) {
    k.values.ShrinkToFit();
    k.index->ShrinkToFit();
  }
  r.id_index->ShrinkToFit();
  r.brand_of.shrink_to_fit();
  r.price.shrink_to_fit();
  r.list_price.shrink_to_fit();
  if (r.currencies.size() > 1) {
    r.currency_of = std::move(currency_of_);
    r.currency_of.shrink_to_fit();
  }
  currency_of_ = {};
  MakeColumn(r.size, rating_rows_, rating_values_, &r.rating);
  MakeColumn(r.size, stock_rows_, stock_values_, &r.stock);

  BuildCategories();
  BuildBrands();
  r.groups = catalog::Postings::FromKeys(r.group_of, r.groups.offsets.size() - 1);
  group_of_key_ = {};
  BuildAttributes(report);
  lines_ = {};
  r.lexicon = catalog::Lexicon::Build(r, aliases_);
  aliases_ = catalog::StringColumn();

  report->bytes_in_memory = static_cast<int64_t>(r.MemoryUsage());
  std::shared_ptr<Catalog> catalog(new Catalog(std::move(rep_)));
  ResolveQuality(*catalog, report);
  return std::shared_ptr<const Catalog>(std::move(catalog));
}

void CatalogBuilder::ResolveQuality(Catalog& catalog, CatalogLoadReport* report) const {
  Catalog::Rep& r = *catalog.rep_;
  for (const catalog::QualityDecl& decl : mapping_->quality) {
    std::vector<CategoryId> found = catalog.FindCategories(decl.category);
    if (found.empty()) {
      // A mapping may serve catalogs that lack some category: noted, not fatal.
      ++report->values_dropped[absl::StrCat("quality[", decl.index, "]: no category \"",
                                            decl.category, "\" in the catalog")];
      continue;
    }
    for (CategoryId c : found) r.quality.push_back(QualitySpec{c, decl.attributes});
  }
  // Preorder: a node's parent comes first, so one forward pass inherits.
  r.quality_of_category.assign(r.categories.size(), -1);
  for (size_t q = 0; q < r.quality.size(); ++q) {
    const CategoryId c = r.quality[q].category;
    // The deepest declaration wins; among equals, the later one.
    if (r.quality_of_category[c] < 0 ||
        r.categories[r.quality[static_cast<size_t>(r.quality_of_category[c])].category].depth <=
            r.categories[c].depth) {
      r.quality_of_category[c] = static_cast<int32_t>(q);
    }
  }
  for (size_t c = 1; c < r.categories.size(); ++c) {
    if (r.quality_of_category[c] < 0) {
      r.quality_of_category[c] = r.quality_of_category[r.categories[c].parent];
    }
  }
}

}  // namespace chatcart
