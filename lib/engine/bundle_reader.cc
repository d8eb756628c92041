// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "engine/bundle_reader.h"

#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/strings.h"

namespace chatcart::engine {
namespace {

// A bundle's paths are relative and stay inside the bundle.
bool IsSafeRelativePath(std::string_view name) {
  if (name.empty() || name.front() == '/') return false;
  size_t start = 0;
  while (start <= name.size()) {
    size_t slash = name.find('/', start);
    if (slash == std::string_view::npos) slash = name.size();
    if (name.substr(start, slash - start) == "..") return false;
    start = slash + 1;
  }
  return true;
}

}  // namespace

absl::StatusOr<std::string> ReadFileBytes(const std::string& path, std::string_view name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(ToAbsl(name), ": cannot read file ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

BundleSources ReadBundle(std::string_view dir, std::vector<std::string>* errors) {
  BundleSources out;
  out.dir = std::string(dir);
  while (out.dir.size() > 1 && out.dir.back() == '/') out.dir.pop_back();
  const std::string bundle_path = absl::StrCat(out.dir, "/bundle.textproto");

  auto read = [&](std::string_view name, std::string_view field, BundleFile* file) -> bool {
    if (!IsSafeRelativePath(name)) {
      errors->push_back(absl::StrCat("bundle.textproto: ", ToAbsl(field), " \"", ToAbsl(name),
                                     "\" must be a relative path inside the bundle"));
      return false;
    }
    file->name = std::string(name);
    file->path = absl::StrCat(out.dir, "/", ToAbsl(name));
    absl::StatusOr<std::string> bytes = ReadFileBytes(file->path, name);
    if (!bytes.ok()) {
      errors->push_back(std::string(bytes.status().message()));
      return false;
    }
    file->bytes = *std::move(bytes);
    out.contents.emplace_back(file->name, file->bytes);
    return true;
  };

  absl::StatusOr<std::string> bundle_bytes = ReadFileBytes(bundle_path, "bundle.textproto");
  if (!bundle_bytes.ok()) {
    errors->push_back(absl::StrCat(bundle_path, ": no bundle here (bundle.textproto is missing)"));
    return out;
  }
  out.contents.emplace_back("bundle.textproto", *bundle_bytes);
  absl::StatusOr<dialogue::TextSource> bundle_source =
      dialogue::TextSource::Parse("bundle.textproto", *bundle_bytes, &out.bundle);
  if (!bundle_source.ok()) {
    errors->push_back(std::string(bundle_source.status().message()));
    return out;
  }
  out.bundle_source = *std::move(bundle_source);
  const v1::Bundle& bundle = out.bundle;
  if (bundle.name().empty()) errors->push_back("bundle.textproto: name is required");
  if (bundle.store().currency().empty()) {
    errors->push_back("bundle.textproto: store.currency is required");
  }
  if (bundle.store().locale_size() == 0) {
    errors->push_back("bundle.textproto: store.locale needs at least one locale");
  }

  for (const std::string& name : bundle.template_files()) {
    BundleFile file;
    if (!read(name, "template_files", &file)) continue;
    dialogue::TemplateCatalog::File parsed;
    absl::StatusOr<dialogue::TextSource> source =
        dialogue::TextSource::Parse(name, file.bytes, &parsed.set);
    if (!source.ok()) {
      errors->push_back(std::string(source.status().message()));
      continue;
    }
    parsed.source = *std::move(source);
    out.templates.push_back(std::move(parsed));
  }
  for (const std::string& name : bundle.flow_files()) {
    BundleFile file;
    if (!read(name, "flow_files", &file)) continue;
    dialogue::FlowGraph::File parsed;
    absl::StatusOr<dialogue::TextSource> source =
        dialogue::TextSource::Parse(name, file.bytes, &parsed.set);
    if (!source.ok()) {
      errors->push_back(std::string(source.status().message()));
      continue;
    }
    parsed.source = *std::move(source);
    out.flows.push_back(std::move(parsed));
  }
  if (bundle.flow_files_size() == 0) errors->push_back("bundle.textproto: no flow_files");
  for (const std::string& name : bundle.intent_files()) {
    BundleFile file;
    if (read(name, "intent_files", &file)) out.intent_files.push_back(std::move(file));
  }
  if (!bundle.catalog().products().empty()) {
    read(bundle.catalog().products(), "catalog.products", &out.catalog_products);
    if (bundle.catalog().mapping().empty()) {
      errors->push_back("bundle.textproto: catalog.mapping is required with catalog.products");
    } else {
      read(bundle.catalog().mapping(), "catalog.mapping", &out.catalog_mapping);
    }
  }
  if (!bundle.cart_policy_file().empty()) {
    read(bundle.cart_policy_file(), "cart_policy_file", &out.cart_policy);
  }
  return out;
}

}  // namespace chatcart::engine
