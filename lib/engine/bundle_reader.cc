// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "engine/bundle_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

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

// Whether `path` (canonical) is `root` (canonical) or under it.
bool IsInside(const std::string& root, const std::string& path) {
  if (root == "/") return true;
  return path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
         path[root.size()] == '/';
}

const char* FileKind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

}  // namespace

absl::StatusOr<std::string> ReadFileBytes(const std::string& path, std::string_view name,
                                          int64_t max_bytes) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    return absl::NotFoundError(
        absl::StrCat(ToAbsl(name), ": cannot read file ", path, " (", std::strerror(errno), ")"));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    return absl::NotFoundError(
        absl::StrCat(ToAbsl(name), ": cannot read file ", path, " (", std::strerror(errno), ")"));
  }
  if (!S_ISREG(st.st_mode)) {
    return absl::InvalidArgumentError(absl::StrCat(ToAbsl(name), ": ", path, " is ",
                                                   FileKind(st.st_mode), ", not a regular file"));
  }
  if (st.st_size > max_bytes) {
    return absl::ResourceExhaustedError(absl::StrCat(ToAbsl(name), ": ", st.st_size,
                                                     " bytes, above the limit of ", max_bytes,
                                                     " bytes for a bundle file"));
  }
  std::string bytes;
  bytes.resize(static_cast<size_t>(st.st_size) + 1);  // one more: a file that grew is noticed
  size_t have = 0;
  while (true) {
    if (have == bytes.size()) {
      if (static_cast<int64_t>(have) > max_bytes) {
        return absl::ResourceExhaustedError(absl::StrCat(ToAbsl(name), ": above the limit of ",
                                                         max_bytes, " bytes for a bundle file"));
      }
      bytes.resize(std::min<size_t>(bytes.size() * 2, static_cast<size_t>(max_bytes) + 1));
    }
    const ssize_t n = ::read(fd, bytes.data() + have, bytes.size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      return absl::NotFoundError(
          absl::StrCat(ToAbsl(name), ": cannot read file ", path, " (", std::strerror(errno), ")"));
    }
    if (n == 0) break;
    have += static_cast<size_t>(n);
  }
  bytes.resize(have);
  return bytes;
}

BundleSources ReadBundle(std::string_view dir, std::vector<std::string>* errors) {
  BundleSources out;
  out.dir = std::string(dir);
  while (out.dir.size() > 1 && out.dir.back() == '/') out.dir.pop_back();
  const std::string bundle_path = absl::StrCat(out.dir, "/bundle.textproto");
  // Symbolic links inside the bundle are followed, but none may lead out of it.
  std::error_code ec;
  const std::string root = std::filesystem::canonical(out.dir, ec).string();

  // Reads the bundle's file `name` at `path`.
  auto read_file = [&](std::string_view name,
                       const std::string& path) -> absl::StatusOr<std::string> {
    std::error_code error;
    const std::filesystem::path real = std::filesystem::canonical(path, error);
    if (error) {
      return absl::NotFoundError(
          absl::StrCat(ToAbsl(name), ": cannot read file ", path, " (", error.message(), ")"));
    }
    if (!IsInside(root, real.string())) {
      return absl::PermissionDeniedError(
          absl::StrCat(ToAbsl(name), ": ", path, " leads outside the bundle (to ", real.string(),
                       "); a bundle reads only its own files"));
    }
    return ReadFileBytes(real.string(), name);
  };
  // As read_file, for a file named by bundle.textproto at `where`.
  auto read = [&](std::string_view name, const std::string& where, std::string_view field,
                  BundleFile* file) -> bool {
    if (!IsSafeRelativePath(name)) {
      errors->push_back(absl::StrCat(where, ": ", ToAbsl(field), " \"", ToAbsl(name),
                                     "\" must be a relative path inside the bundle"));
      return false;
    }
    file->name = std::string(name);
    file->path = absl::StrCat(out.dir, "/", ToAbsl(name));
    absl::StatusOr<std::string> bytes = read_file(name, file->path);
    if (!bytes.ok()) {
      errors->push_back(absl::StrCat(where, ": ", bytes.status().message()));
      return false;
    }
    file->bytes = *std::move(bytes);
    out.contents.emplace_back(file->name, file->bytes);
    return true;
  };

  if (ec || !std::filesystem::exists(bundle_path, ec)) {
    errors->push_back(absl::StrCat(bundle_path, ": no bundle here (bundle.textproto is missing)"));
    return out;
  }
  absl::StatusOr<std::string> bundle_bytes = read_file("bundle.textproto", bundle_path);
  if (!bundle_bytes.ok()) {
    errors->push_back(std::string(bundle_bytes.status().message()));
    return out;
  }
  out.contents.emplace_back("bundle.textproto", *bundle_bytes);
  absl::StatusOr<TextSource> bundle_source =
      TextSource::Parse("bundle.textproto", *bundle_bytes, &out.bundle);
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

  const TextSource& source = out.bundle_source;
  for (int i = 0; i < bundle.template_files_size(); ++i) {
    const std::string& name = bundle.template_files(i);
    BundleFile file;
    if (!read(name, source.Where({{"template_files", i}}), "template_files", &file)) continue;
    dialogue::TemplateCatalog::File parsed;
    absl::StatusOr<TextSource> source =
        TextSource::Parse(name, file.bytes, &parsed.set);
    if (!source.ok()) {
      errors->push_back(std::string(source.status().message()));
      continue;
    }
    parsed.source = *std::move(source);
    out.templates.push_back(std::move(parsed));
  }
  for (int i = 0; i < bundle.flow_files_size(); ++i) {
    const std::string& name = bundle.flow_files(i);
    BundleFile file;
    if (!read(name, source.Where({{"flow_files", i}}), "flow_files", &file)) continue;
    dialogue::FlowGraph::File parsed;
    absl::StatusOr<TextSource> source =
        TextSource::Parse(name, file.bytes, &parsed.set);
    if (!source.ok()) {
      errors->push_back(std::string(source.status().message()));
      continue;
    }
    parsed.source = *std::move(source);
    out.flows.push_back(std::move(parsed));
  }
  if (bundle.flow_files_size() == 0) errors->push_back("bundle.textproto: no flow_files");
  for (int i = 0; i < bundle.intent_files_size(); ++i) {
    BundleFile file;
    if (read(bundle.intent_files(i), source.Where({{"intent_files", i}}), "intent_files", &file)) {
      out.intent_files.push_back(std::move(file));
    }
  }
  if (!bundle.catalog().products().empty()) {
    read(bundle.catalog().products(), source.Where({{"catalog", -1}, {"products", -1}}),
         "catalog.products", &out.catalog_products);
    if (bundle.catalog().mapping().empty()) {
      errors->push_back("bundle.textproto: catalog.mapping is required with catalog.products");
    } else {
      read(bundle.catalog().mapping(), source.Where({{"catalog", -1}, {"mapping", -1}}),
           "catalog.mapping", &out.catalog_mapping);
    }
  }
  if (!bundle.cart_policy_file().empty()) {
    read(bundle.cart_policy_file(), source.Where({{"cart_policy_file", -1}}), "cart_policy_file",
         &out.cart_policy);
  }
  return out;
}

}  // namespace chatcart::engine
