// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Replays a libFuzzer target (LLVMFuzzerTestOneInput) in a normal build:
// every file named on the command line (or found in a directory named
// there), each of its prefixes at 16 cut points, and 64 copies with one byte
// changed (a fixed seed, so runs repeat). A crash or a failed check aborts;
// otherwise prints "N passed, 0 failed".

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

void Run(const std::string& bytes) {
  // A copy of exactly the input's size, so reads past it are caught by
  // sanitizers as libFuzzer would.
  std::vector<uint8_t> copy(bytes.begin(), bytes.end());
  LLVMFuzzerTestOneInput(copy.data(), copy.size());
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path path(argv[i]);
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
        if (entry.is_regular_file()) files.push_back(entry.path().string());
      }
    } else {
      files.push_back(path.string());
    }
  }
  std::sort(files.begin(), files.end());
  uint64_t seed = 0x9E3779B97F4A7C15ULL;
  long runs = 0;
  Run("");
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    const std::string bytes = s.str();
    Run(bytes);
    ++runs;
    for (int cut = 1; cut <= 16; ++cut) {
      Run(bytes.substr(0, bytes.size() * cut / 17));
      ++runs;
    }
    for (int flip = 0; flip < 64 && !bytes.empty(); ++flip) {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
      std::string mutated = bytes;
      mutated[(seed >> 33) % mutated.size()] = static_cast<char>(seed >> 13);
      Run(mutated);
      ++runs;
    }
  }
  std::printf("%ld passed, 0 failed\n", runs);
  return 0;
}
