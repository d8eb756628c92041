// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// chatcart_catalog_synth: writes the synthetic benchmark catalog (see
// catalog_synthetic.h) for measuring a load outside Google Benchmark, e.g.
//   build/bin/chatcart_catalog_synth 1000000 /tmp/syn.jsonl
//   /usr/bin/time -v build/bin/chatcart catalog stats --catalog /tmp/syn.jsonl \
//       --mapping examples/catalogs/pcparts.textproto
// Never commit its output.

#include <cstdio>
#include <cstdlib>
#include <string>

#include "catalog_synthetic.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: chatcart_catalog_synth ROWS OUT.jsonl [SEED]\n");
    return 2;
  }
  const size_t rows = std::strtoull(argv[1], nullptr, 10);
  const uint64_t seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 20260101;
  const char* env = std::getenv("CHATCART_DATA_DIR");
  const std::string data = env != nullptr && *env != '\0' ? env : CHATCART_DATA_DIR;
  absl::Status status =
      chatcart::bench::WriteSyntheticPcParts(data + "/pcparts/products.jsonl", rows, seed, argv[2]);
  if (!status.ok()) {
    std::fprintf(stderr, "chatcart_catalog_synth: %s\n", std::string(status.message()).c_str());
    return 1;
  }
  return 0;
}
