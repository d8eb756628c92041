// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "common/testing/data.h"

#include <cstdlib>
#include <fstream>

namespace chatcart::testing {

std::string DataDir() {
  if (const char* env = std::getenv("CHATCART_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
#ifdef CHATCART_DATA_DIR
  return CHATCART_DATA_DIR;
#else
  return "../shared/data";
#endif
}

std::optional<std::string> DataFile(std::string_view relative) {
  std::string path = DataDir();
  path.push_back('/');
  path.append(relative);
  if (!std::ifstream(path).good()) return std::nullopt;
  return path;
}

std::string SourceDir() {
#ifdef CHATCART_SOURCE_DIR
  return CHATCART_SOURCE_DIR;
#else
  return ".";
#endif
}

}  // namespace chatcart::testing
