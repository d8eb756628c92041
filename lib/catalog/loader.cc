// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Catalog::LoadJsonl and Catalog::FromJsonlText: lines -> RowParser ->
// CatalogBuilder, with strict or lenient handling of bad rows.

#include <chrono>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "catalog/builder.h"
#include "catalog/line_reader.h"
#include "catalog/mapping.h"
#include "catalog/row_parser.h"
#include "chatcart/catalog.h"
#include "chatcart/v1/catalog_mapping.pb.h"
#include "common/status_macros.h"
#include "common/strings.h"

namespace chatcart {
namespace {

absl::StatusOr<std::shared_ptr<const Catalog>> Load(catalog::LineReader& reader,
                                                    const std::string& source,
                                                    const v1::CatalogMapping& mapping,
                                                    const CatalogLoadOptions& options,
                                                    CatalogLoadReport* report,
                                                    std::chrono::steady_clock::time_point start) {
  CatalogLoadReport& rep = *report;
  CHATCART_ASSIGN_OR_RETURN(catalog::CompiledMapping compiled,
                            catalog::CompileMapping(mapping, [](std::string_view field, int index) {
                              return index < 0 ? absl::StrCat("mapping: ", ToAbsl(field))
                                               : absl::StrCat("mapping: ", ToAbsl(field), "[",
                                                              index, "]");
                            }));
  catalog::RowParser parser(&compiled);
  CatalogBuilder builder(&compiled);
  catalog::RowValues row;
  row.keys.resize(compiled.keys.size());
  catalog::RowError error;
  std::string_view line;
  int64_t line_number = 0;
  bool reserved = false;
  while (reader.Next(&line, &line_number)) {
    if (!reserved) {
      builder.Reserve(reader.EstimatedLines());
      reserved = true;
    }
    if (absl::StripAsciiWhitespace(ToAbsl(line)).empty()) continue;
    ++rep.rows_read;
    row.Clear();
    bool ok = parser.Parse(line, &row, &error);
    int64_t first_line = 0;
    if (ok && !builder.Add(row, line_number, &first_line)) {
      ok = false;
      error.reason = "duplicate id";
      error.message = absl::StrCat("field \"id\": duplicate id \"", row.id, "\" (first at line ",
                                   first_line, ")");
    }
    if (!ok) {
      std::string message = absl::StrCat(source, ":", line_number, ": ", error.message);
      if (!options.lenient) {
        rep.rows_kept = static_cast<int64_t>(builder.size());
        return absl::InvalidArgumentError(
            absl::StrCat(message, " (a lenient load skips such rows and counts them)"));
      }
      ++rep.rows_skipped;
      ++rep.skipped_by_reason[error.reason];
      if (static_cast<int>(rep.error_examples.size()) < options.max_error_examples) {
        rep.error_examples.push_back(std::move(message));
      }
      continue;
    }
    if (!row.price) ++rep.rows_without_price;
  }
  CHATCART_RETURN_IF_ERROR(reader.status());
  rep.rows_kept = static_cast<int64_t>(builder.size());
  if (rep.rows_kept == 0 && rep.rows_read > 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        source, ": no row could be loaded (", rep.rows_read, " read, all skipped; first: ",
        rep.error_examples.empty() ? std::string("-") : rep.error_examples.front(), ")"));
  }
  CHATCART_ASSIGN_OR_RETURN(std::shared_ptr<const Catalog> catalog, builder.Finish(&rep));
  rep.load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return catalog;
}

}  // namespace

absl::StatusOr<std::shared_ptr<const Catalog>> Catalog::LoadJsonl(std::string_view path,
                                                                  const v1::CatalogMapping& mapping,
                                                                  const CatalogLoadOptions& options,
                                                                  CatalogLoadReport* report) {
  const auto start = std::chrono::steady_clock::now();
  CatalogLoadReport local;
  CatalogLoadReport* rep = report != nullptr ? report : &local;
  *rep = CatalogLoadReport();
  rep->source = std::string(path);
  CHATCART_ASSIGN_OR_RETURN(std::unique_ptr<catalog::LineReader> reader,
                            catalog::LineReader::OpenFile(path));
  return Load(*reader, rep->source, mapping, options, rep, start);
}

absl::StatusOr<std::shared_ptr<const Catalog>> Catalog::FromJsonlText(
    std::string_view text, std::string_view source_name, const v1::CatalogMapping& mapping,
    const CatalogLoadOptions& options, CatalogLoadReport* report) {
  const auto start = std::chrono::steady_clock::now();
  CatalogLoadReport local;
  CatalogLoadReport* rep = report != nullptr ? report : &local;
  *rep = CatalogLoadReport();
  rep->source = std::string(source_name);
  std::unique_ptr<catalog::LineReader> reader = catalog::LineReader::FromText(text, source_name);
  return Load(*reader, rep->source, mapping, options, rep, start);
}

}  // namespace chatcart
