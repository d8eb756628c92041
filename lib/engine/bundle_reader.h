// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Reading a bundle directory: bundle.textproto and every file it names, parsed
// with their source locations. Reading goes on after an error so that one
// load reports every problem (syntax errors with file:line:column, files that
// cannot be read). The components compile what was read.

#ifndef CHATCART_ENGINE_BUNDLE_READER_H_
#define CHATCART_ENGINE_BUNDLE_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chatcart/v1/bundle.pb.h"
#include "dialogue/flow_graph.h"
#include "dialogue/template_catalog.h"
#include "common/text_source.h"

namespace chatcart::engine {

// A file named by the bundle, read as bytes.
struct BundleFile {
  std::string name;  // as written in the bundle ("intents/en.textproto")
  std::string path;  // resolved on disk
  std::string bytes;
};

struct BundleSources {
  std::string dir;
  v1::Bundle bundle;
  TextSource bundle_source;
  std::vector<dialogue::TemplateCatalog::File> templates;
  std::vector<dialogue::FlowGraph::File> flows;
  std::vector<BundleFile> intent_files;
  BundleFile catalog_products;  // empty name: none
  BundleFile catalog_mapping;
  BundleFile cart_policy;
  // Every file's name and bytes in a fixed order, for the bundle fingerprint.
  std::vector<std::pair<std::string, std::string>> contents;
};

// Reads the bundle in `dir`. Appends every problem to `errors`, each naming
// the bundle.textproto line that names the file; the result is usable only
// when none were appended. Files are read only when they are regular files of
// at most kMaxBundleFileBytes inside `dir`: symbolic links are followed only
// while they stay inside it.
BundleSources ReadBundle(std::string_view dir, std::vector<std::string>* errors);

// The most bytes one bundle file may hold: 256 MiB. The largest is usually
// the catalog (the demo's products.jsonl is under 100 KB).
inline constexpr int64_t kMaxBundleFileBytes = int64_t{256} << 20;

// Reads a regular file whole, every error naming `name`: NOT_FOUND when it
// cannot be opened; INVALID_ARGUMENT when it is not a regular file (a
// directory, a FIFO, a device: never waited on nor read); RESOURCE_EXHAUSTED
// above `max_bytes`.
absl::StatusOr<std::string> ReadFileBytes(const std::string& path, std::string_view name,
                                          int64_t max_bytes = kMaxBundleFileBytes);

}  // namespace chatcart::engine

#endif  // CHATCART_ENGINE_BUNDLE_READER_H_
