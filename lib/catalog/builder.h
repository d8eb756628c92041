// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// CatalogBuilder: accumulates parsed rows (RowValues) into columns and, in
// Finish(), builds the immutable catalog: dense or sparse columns, the
// category tree in preorder, postings, variant groups, the lexicon. Not
// thread-safe; one per load.

#ifndef CHATCART_CATALOG_BUILDER_H_
#define CHATCART_CATALOG_BUILDER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "catalog/catalog_rep.h"
#include "catalog/interner.h"
#include "catalog/mapping.h"
#include "catalog/row.h"
#include "chatcart/catalog.h"

namespace chatcart {

class CatalogBuilder {
 public:
  explicit CatalogBuilder(const catalog::CompiledMapping* mapping);
  ~CatalogBuilder();

  // Commits a parsed row found at `line`. Returns false, adding nothing, when
  // its id is already taken; *first_line is then the line of the first.
  // RESOURCE_EXHAUSTED-like failures (a string column past 4 GiB) come back
  // through Finish.
  bool Add(const catalog::RowValues& row, int64_t line, int64_t* first_line);

  size_t size() const { return rep_->size; }

  // Reserves room for about n products (an estimate: the load still grows or
  // trims as needed).
  void Reserve(size_t n);

  // Builds the catalog; adds dropped-value counts and bytes_in_memory to
  // *report.
  absl::StatusOr<std::shared_ptr<const Catalog>> Finish(CatalogLoadReport* report);

 private:
  struct ColumnAcc {
    catalog::ColumnSpec spec;
    int map = -1;  // the attribute map it came from, or -1
    std::vector<ProductIndex> rows;
    std::vector<double> numbers;
    std::vector<uint32_t> codes;         // one per row, or list elements
    std::vector<uint32_t> list_offsets;  // kList: per row, into codes
    std::unique_ptr<catalog::Interner> dictionary = std::make_unique<catalog::Interner>();
    uint32_t Code(std::string_view value) { return dictionary->Intern(value); }
  };
  struct TempCategory {
    std::string name;
    uint32_t parent;
    std::vector<uint32_t> children;
  };

  void BuildCategories();
  // The mapping's quality declarations, their categories resolved; one
  // naming a category the catalog lacks is counted in report->values_dropped.
  void ResolveQuality(Catalog& catalog, CatalogLoadReport* report) const;
  void BuildAttributes(CatalogLoadReport* report);
  void BuildBrands();
  template <typename T>
  static void MakeColumn(size_t size, std::vector<ProductIndex>& rows, std::vector<T>& values,
                         Column<T>* out);

  const catalog::CompiledMapping* mapping_;
  std::unique_ptr<Catalog::Rep> rep_;
  bool too_large_ = false;
  std::vector<int64_t> lines_;
  catalog::StringColumn aliases_;  // per product, joined by '\x1f'; for the lexicon
  catalog::Interner brand_index_;
  absl::flat_hash_map<std::string, uint32_t> currency_index_;
  std::vector<uint8_t> currency_of_;
  std::vector<ProductIndex> rating_rows_, stock_rows_;
  std::vector<double> rating_values_;
  std::vector<int64_t> stock_values_;
  std::vector<TempCategory> temp_categories_;
  catalog::Interner category_index_;    // parent bytes + name -> temp node - 1
  catalog::Interner group_index_;       // folded group key -> key id
  std::vector<uint32_t> group_of_key_;  // key id -> group
  std::vector<ColumnAcc> columns_;
  std::vector<absl::flat_hash_map<std::string, uint32_t>> map_columns_;  // per map: key -> column
  absl::flat_hash_map<std::string, uint32_t> column_names_;
  std::map<std::string, int64_t> dropped_;
};

}  // namespace chatcart

#endif  // CHATCART_CATALOG_BUILDER_H_
