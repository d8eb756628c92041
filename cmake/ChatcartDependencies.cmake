# Debian-aware discovery of chatcart's dependencies (see ../shared/TOOLCHAIN.md).
# A parent project's copy of a dependency wins: nothing is searched for twice.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

if(NOT TARGET absl::base)
  find_package(absl CONFIG REQUIRED)
endif()

# Protobuf ships no CMake config on Debian 12: CMake's FindProtobuf provides
# protobuf::libprotobuf and protobuf_generate().
if(NOT TARGET protobuf::libprotobuf)
  find_package(Protobuf REQUIRED)
endif()

include(chatcartImportedDeps)  # re2::re2

if(NOT TARGET ICU::uc)
  find_package(ICU REQUIRED COMPONENTS uc i18n)
endif()

if(NOT TARGET simdjson::simdjson)
  find_package(simdjson CONFIG REQUIRED)
endif()

# libstemmer (Snowball): chatcart_deps::stemmer, from chatcartImportedDeps
# above. The intent classifier's SVM is our own (lib/intent/linear_svm.h says
# why), so LIBLINEAR is no dependency.

# xxHash (libxxhash-dev), used header-only (XXH_INLINE_ALL) by lib/cart for
# stable fingerprints: no link dependency, so nothing for installed consumers.
find_path(XXHASH_INCLUDE_DIR xxhash.h REQUIRED)

# OpenSSL (libssl-dev): HMAC-SHA256/SHA1 and constant-time comparison for the
# channels' webhook signatures.
if(NOT TARGET OpenSSL::Crypto)
  find_package(OpenSSL REQUIRED COMPONENTS Crypto)
endif()

# SQLite is found by what links it (lib/store, bench/), not here: a build
# needs it because the store component is part of the library.

if(CHATCART_BUILD_TESTS AND NOT TARGET GTest::gtest)
  find_package(GTest CONFIG REQUIRED)
endif()
if(CHATCART_BUILD_TESTS)
  include(GoogleTest)
endif()
if(CHATCART_BUILD_BENCHMARKS AND NOT TARGET benchmark::benchmark)
  find_package(benchmark CONFIG REQUIRED)
endif()
if(CHATCART_BUILD_PYTHON)
  # Python before pybind11, or pybind11's legacy mode may pick a pyenv shim.
  find_package(Python 3.11 COMPONENTS Interpreter Development.Module REQUIRED)
  if(NOT TARGET pybind11::module)
    find_package(pybind11 CONFIG REQUIRED)
  endif()
endif()
