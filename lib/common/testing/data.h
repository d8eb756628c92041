// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Locating the shared public data sets (../shared/data) from tests. The
// directory is compiled in from the CMake cache variable CHATCART_DATA_DIR and
// may be overridden by the environment variable of the same name. Tests that
// need a file skip, with a message naming it, where it is absent:
//
//   TEST(Catalog, LoadsPcParts) {
//     CHATCART_REQUIRE_DATA_FILE(path, "pcparts/products.jsonl");
//     ... path is a std::string ...
//   }

#ifndef CHATCART_COMMON_TESTING_DATA_H_
#define CHATCART_COMMON_TESTING_DATA_H_

#include <optional>
#include <string>
#include <string_view>

namespace chatcart::testing {

// The data directory: $CHATCART_DATA_DIR if set, else the configured one.
std::string DataDir();

// The full path of `relative` under DataDir(), or nullopt when no such file is
// readable.
std::optional<std::string> DataFile(std::string_view relative);

// The chatcart source tree (for the repository's own test inputs).
std::string SourceDir();

}  // namespace chatcart::testing

#define CHATCART_REQUIRE_DATA_FILE(var, relative)                            \
  std::string var;                                                           \
  if (auto chatcart_data_file_ = ::chatcart::testing::DataFile(relative);    \
      chatcart_data_file_.has_value()) {                                     \
    var = *chatcart_data_file_;                                              \
  } else {                                                                   \
    GTEST_SKIP() << "data file " << (relative) << " not found under "        \
                 << ::chatcart::testing::DataDir()                           \
                 << " (set CHATCART_DATA_DIR to the shared data directory)"; \
  }

#endif  // CHATCART_COMMON_TESTING_DATA_H_
